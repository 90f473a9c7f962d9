namespace Smoke.Pipeline;

/// <summary>A process run by <see cref="Tool"/> could not start or exited with a non-zero code: a target failure with exit code 1.</summary>
public sealed class ToolFailedException : BuildFailedException
{
    public ToolFailedException()
    {
    }

    public ToolFailedException(string message)
        : base(message)
    {
    }

    public ToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ToolFailedException(string commandLine, int processExitCode, IReadOnlyList<string> lastLines)
        : base(Describe(commandLine, processExitCode, lastLines))
    {
        CommandLine = commandLine;
        ProcessExitCode = processExitCode;
        LastLines = lastLines;
    }

    public string CommandLine { get; } = "";

    /// <summary>What the process exited with (the build's own exit code is <see cref="BuildFailedException.ExitCode"/>, 1).</summary>
    public int ProcessExitCode { get; }

    public IReadOnlyList<string> LastLines { get; } = [];

    private static string Describe(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
    {
        var message = $"'{commandLine}' exited with code {exitCode}";
        return lastLines.Count == 0
            ? message + " and wrote no output."
            : message + $"; last {lastLines.Count} output lines:{Environment.NewLine}" + string.Join(Environment.NewLine, lastLines.Select(l => "  " + l));
    }
}
