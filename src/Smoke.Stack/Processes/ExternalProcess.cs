using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Smoke.Stack.Processes;

/// <summary>
/// Runs a program with its arguments as a list (never through a shell), collecting its output and passing each
/// line on as it comes. Cancelling kills the whole process tree.
/// </summary>
internal static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        ProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
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
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => Collect(e.Data, output, options.OnOutput);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, error, options.OnOutput);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ExternalProgramNotFoundException(fileName, ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited by itself in the meantime.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            throw;
        }

        lock (gate)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
        }

        void Collect(string? line, StringBuilder into, Action<string>? onLine)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                into.AppendLine(line);
            }

            onLine?.Invoke(line);
        }
    }
}
