namespace Smoke.Pipeline;

/// <summary>A process run by <see cref="Tool"/> exited with a non-zero code.</summary>
public sealed class ToolFailedException : Exception
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

    public ToolFailedException(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
        : base(Describe(commandLine, exitCode, lastLines))
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        LastLines = lastLines;
    }

    public string CommandLine { get; } = "";

    public int ExitCode { get; }

    public IReadOnlyList<string> LastLines { get; } = [];

    private static string Describe(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
    {
        var message = $"'{commandLine}' exited with code {exitCode}";
        return lastLines.Count == 0
            ? message + " and wrote no output."
            : message + $"; last {lastLines.Count} output lines:{Environment.NewLine}" + string.Join(Environment.NewLine, lastLines.Select(l => "  " + l));
    }
}
