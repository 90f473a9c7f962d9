using System.Diagnostics;
using System.Text;

namespace Smoke.Build.Tests.Release;

/// <summary>One <c>./build.sh</c> of the checkout under test, as a child process whose output is kept and can be waited on.</summary>
internal sealed class BuildScriptRun : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> waiters = [];

    private BuildScriptRun(Process process)
    {
        this.process = process;
    }

    public int Pid => process.Id;

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

    /// <param name="environment">Variables to set; a null value removes the variable from the child's environment.</param>
    public static BuildScriptRun Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // Through env --default-signal=INT: a test host started in the background inherits SIGINT ignored, and the
        // build would inherit that too, so the Ctrl+C of the tests would never reach it.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", Path.Combine(RepositoryRoot.Path, "build.sh")])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A CI runner's own GitHub variables must not leak into builds that test the GitHub steps or their absence.
        foreach (var name in new[] { "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_EVENT_PATH", "GITHUB_EVENT_NAME", "GITHUB_REF", "GITHUB_SHA", "GITHUB_RUN_ID" })
        {
            start.Environment.Remove(name);
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

        var process = new Process { StartInfo = start };
        var run = new BuildScriptRun(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public static async Task<BuildScriptRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var run = Start(arguments, environment);
        await run.WaitForExitAsync();
        return run;
    }

    public int ExitCode => process.ExitCode;

    public async Task WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh did not finish within 10 minutes; its output:\n{Output}");
        }

        // WaitForExitAsync returns once the output streams are drained too.
    }

    /// <summary>Waits until a line of output matches; fails with the output so far if the build ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var existing = output.ToString().Split('\n').FirstOrDefault(matches);
            if (existing is not null)
            {
                return existing;
            }

            waiters.Add((matches, seen));
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (first == seen.Task)
        {
            return await seen.Task;
        }

        throw new InvalidOperationException(
            (first == exited ? $"./build.sh exited with {process.ExitCode} before printing the awaited line" : $"no awaited line within {timeout}") + $"; its output:\n{Output}");
    }

    /// <summary>Ctrl+C: SIGINT to the build process (build.sh execs dotnet, so the pid is the build's).</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.Append(line).Append('\n');
            foreach (var waiter in waiters.Where(w => w.Matches(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }
}
