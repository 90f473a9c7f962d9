namespace Smoke.Stack.Compose;

/// <summary>A compose command failed; the message carries compose's own error and, when known, the service.</summary>
public sealed class ComposeCommandException : Exception
{
    public ComposeCommandException(string message, string command, int exitCode, string standardError, string? service)
        : base(message)
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
        Service = service;
    }

    /// <summary>The command line as run, for the log.</summary>
    public string Command { get; }

    public int ExitCode { get; }

    public string StandardError { get; }

    /// <summary>The service compose blamed, or null.</summary>
    public string? Service { get; }
}
