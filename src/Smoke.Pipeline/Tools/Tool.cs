using System.ComponentModel;
using System.Diagnostics;

namespace Smoke.Pipeline;

/// <summary>Runs external processes from targets: arguments as a list (never a shell string), output streamed to <see cref="Log"/> and captured.</summary>
public static class Tool
{
    private const int FailureTailLines = 20;
    private static readonly TimeSpan OutputDrainGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="fileName"/> and returns its exit code and merged output. A non-zero exit throws
    /// <see cref="ToolFailedException"/> unless <paramref name="allowFailure"/>. Cancellation kills the whole process tree.
    /// An <paramref name="environment"/> value of null removes that variable.
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
        cancellationToken.ThrowIfCancellationRequested();

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = Describe(start);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolFailedException(
                $"Could not start '{commandLine}'{(workingDirectory is null ? "" : $" in {workingDirectory}")}: {e.Message}. Check that '{fileName}' is installed and on PATH.",
                e);
        }

        process.StandardInput.Close();
        var output = new List<string>();
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, output, quiet),
            PumpAsync(process.StandardError, output, quiet));

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        try
        {
            // A grandchild that outlives the process can hold the pipes open; its late output is not worth hanging for.
            await pumps.WaitAsync(OutputDrainGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.Debug($"'{commandLine}' exited but something it started still holds its output open; continuing without it.");
        }

        string[] lines;
        lock (output)
        {
            lines = [.. output];
        }

        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new ToolFailedException(commandLine, process.ExitCode, lines.TakeLast(FailureTailLines).ToArray());
        }

        return new ToolResult(process.ExitCode, lines);
    }

    private static async Task PumpAsync(StreamReader reader, List<string> output, bool quiet)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.Add(line);
            }

            if (!quiet)
            {
                Log.Info(line);
            }
        }
    }

    private static string Describe(ProcessStartInfo start) =>
        string.Join(' ', start.ArgumentList.Prepend(start.FileName).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));
}
