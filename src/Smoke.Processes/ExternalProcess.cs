using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Smoke.Processes;

/// <summary>
/// Runs a program with its arguments as a list (never through a shell), collecting its output and passing each
/// line on as it comes. Cancelling kills the whole process tree. Smoke's one place that starts a process.
/// </summary>
public static class ExternalProcess
{
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        ProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new ProcessOptions();

        using var process = new Process { StartInfo = StartInfo(fileName, arguments, options) };
        Start(process, options);
        process.StandardInput.Close();

        var output = new ProcessOutput(options.OnOutput);
        var errorPump = output.PumpAsync(process.StandardError, ProcessOutput.Stream.Error);
        var pumps = options.ReadOutput is null
            ? Task.WhenAll(output.PumpAsync(process.StandardOutput, ProcessOutput.Stream.Output), errorPump)
            : errorPump;
        try
        {
            if (options.ReadOutput is { } read)
            {
                await read(process.StandardOutput.BaseStream, cancellationToken).ConfigureAwait(false);
            }

            // Waits for the exit only, not for the pipes to close: something the program started may hold them.
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || options.ReadOutput is not null)
        {
            KillTree(process);
            using var grace = new CancellationTokenSource(KillGrace);
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            throw;
        }

        var complete = true;
        try
        {
            await pumps.WaitAsync(options.OutputDrainGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            complete = false;
        }

        return output.Result(process.ExitCode, complete);
    }

    /// <summary>The command line as people read it in messages; arguments with spaces are quoted. Never run through a shell.</summary>
    public static string CommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, ProcessOptions options)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
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

        return start;
    }

    private static void Start(Process process, ProcessOptions options)
    {
        var start = process.StartInfo;

        // A missing working directory fails the start the same way a missing program does; say which it was.
        if (!Directory.Exists(start.WorkingDirectory))
        {
            throw new DirectoryNotFoundException(
                $"cannot run '{CommandLine(start.FileName, start.ArgumentList)}' in {start.WorkingDirectory}: that directory does not exist");
        }

        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalProgramNotFoundException(start.FileName, options.InstallHint, e);
        }

        options.OnStarted?.Invoke(process.Id);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited by itself in the meantime.
        }
    }
}
