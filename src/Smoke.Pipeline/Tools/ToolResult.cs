namespace Smoke.Pipeline;

/// <summary>A finished process: its exit code and its stdout and stderr lines, merged in arrival order.</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> Output);
