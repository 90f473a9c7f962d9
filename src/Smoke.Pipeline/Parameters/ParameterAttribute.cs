namespace Smoke.Pipeline;

/// <summary>
/// Marks a field or property of the build as a parameter, set from the command line (<c>--my-param</c>), the environment
/// (<c>SMOKE_MY_PARAM</c> or <c>NUKE_MY_PARAM</c>, never a bare <c>MY_PARAM</c> unless <see cref="UnprefixedVariable"/> says so),
/// <c>.nuke/parameters.&lt;profile&gt;.json</c> or <c>.nuke/parameters.json</c>, highest first.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The parameter's name when it differs from the member's.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// How the default reads in <c>--help</c> and the generated docs when the initial value depends on the machine
    /// (<c>the core count</c>), so the docs do not record the machine they were generated on.
    /// </summary>
    public string? DefaultText { get; init; }

    /// <summary>
    /// An unprefixed variable the parameter also reads, after the prefixed ones, for a name whose meaning is exactly the
    /// parameter's wherever it is set (<c>GITHUB_TOKEN</c>). A name that decides what is deployed, or where, never qualifies.
    /// </summary>
    public string? UnprefixedVariable { get; init; }
}
