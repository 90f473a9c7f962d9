namespace Smoke.Build.Docs;

/// <summary>A problem in a checked-in file: <see cref="File"/> relative to the repository root, <see cref="Line"/> 1-based, for annotations.</summary>
internal sealed record SourceProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}({line}): {Message}" : $"{File}: {Message}";
}
