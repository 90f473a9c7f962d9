using Smoke.Processes;

namespace Smoke.Pipeline;

/// <summary>
/// Runs external processes from targets through the one process runner (<see cref="ExternalProcess"/>): arguments as a
/// list (never a shell string), output streamed to <see cref="Log"/> and captured, a failure thrown.
/// </summary>
public static class Tool
{
    private const int FailureTailLines = 20;

    /// <summary>
    /// Runs <paramref name="fileName"/> and returns its exit code and merged output. A non-zero exit throws
    /// <see cref="ToolFailedException"/> unless <paramref name="allowFailure"/>, and so does a program that cannot be
    /// started. Cancellation kills the whole process tree. An <paramref name="environment"/> value of null removes that variable.
    /// </summary>
    public static async Task<ToolResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool quiet = false,
        bool allowFailure = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        var argumentList = arguments.ToList();
        var commandLine = ExternalProcess.CommandLine(fileName, argumentList);
        var options = new ProcessOptions
        {
            WorkingDirectory = workingDirectory,
            Environment = environment ?? new Dictionary<string, string?>(),
            OnOutput = quiet ? null : Log.Info,
        };

        ProcessResult result;
        try
        {
            result = await ExternalProcess.RunAsync(fileName, argumentList, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ExternalProgramNotFoundException or DirectoryNotFoundException)
        {
            throw new ToolFailedException($"Could not start '{commandLine}'{(workingDirectory is null ? "" : $" in {workingDirectory}")}: {e.Message}.", e);
        }

        if (result.OutputCutShort)
        {
            Log.Debug($"'{commandLine}' exited but something it started still holds its output open; continuing without it.");
        }

        if (result.ExitCode != 0 && !allowFailure)
        {
            throw new ToolFailedException(commandLine, result.ExitCode, result.Output.TakeLast(FailureTailLines).ToArray());
        }

        return new ToolResult(result.ExitCode, result.Output);
    }
}
