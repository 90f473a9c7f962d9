namespace Smoke.Pipeline;

/// <summary>
/// One parameter as <c>--help</c> shows it: <see cref="ValueForm"/> is the value it takes (<c>&lt;duration&gt;</c>),
/// <see cref="DefaultValue"/> its initial value as text (masked for secrets).
/// </summary>
public sealed record ParameterDescription(
    string Name,
    string Description,
    string OptionName,
    string ValueForm,
    IReadOnlyList<string> EnvironmentNames,
    string DefaultValue,
    bool IsSecret,
    bool IsEngineOption);
