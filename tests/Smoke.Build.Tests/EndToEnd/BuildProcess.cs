using System.Diagnostics;
using System.Text;

namespace Smoke.Build.Tests.EndToEnd;

/// <summary>
/// Runs <c>./build.sh</c> of the checkout under test as a child process, the way a user does, and keeps what it
/// printed. Output is watched line by line so a test can act (send Ctrl+C) at a precise moment.
/// </summary>
internal sealed class BuildProcess
{
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<BuildResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        await new BuildProcess().RunAsync(arguments, environment, interruptWhen: null, timeout ?? TimeSpan.FromMinutes(10));

    public static async Task<BuildResult> RunAndInterruptAsync(IEnumerable<string> arguments, Func<string, bool> interruptWhen, IReadOnlyDictionary<string, string?>? environment = null) =>
        await new BuildProcess().RunAsync(arguments, environment, interruptWhen, TimeSpan.FromMinutes(10));

    private async Task<BuildResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, Func<string, bool>? interruptWhen, TimeSpan timeout)
    {
        // Through env --default-signal=INT: a test host started in the background inherits SIGINT ignored, and the
        // build would inherit that too, so the Ctrl+C of the tests would never reach it.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "bash", System.IO.Path.Combine(RepositoryRoot.Path, "build.sh")])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's own settings must not leak into the build under test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.Ordinal) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ./build.sh");
        var interrupted = false;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
            }

            if (interruptWhen is not null && !interrupted && interruptWhen(line))
            {
                interrupted = true;
                Signal(process.Id, "INT");
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh {string.Join(' ', start.ArgumentList.Skip(1))} did not finish within {timeout}; its output:\n{Output}");
        }

        process.WaitForExit();
        return new BuildResult(process.ExitCode, Output, interrupted);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
