namespace Smoke.Testing.Running;

/// <summary>A project chosen to run, with the filter its first attempt uses (null: every test).</summary>
internal sealed record ProjectSelection(string Name, string ProjectPath, string? Filter);
