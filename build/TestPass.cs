namespace Smoke.Build;

/// <summary>One `dotnet test` run of Test: a project, optionally filtered, with variables that point it at another engine or compose.</summary>
internal sealed record TestPass(string Project, string Name)
{
    public string? Filter { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
