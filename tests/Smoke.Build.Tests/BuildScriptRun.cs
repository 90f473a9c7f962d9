using System.Globalization;
using System.Text;
using Smoke.Processes;

namespace Smoke.Build.Tests;

/// <summary>
/// One <c>./build.sh</c> of the checkout under test, run the way a user runs it, through the one process runner: its
/// output is kept and watched line by line, so a test can wait for a line or send Ctrl+C at a precise moment.
/// </summary>
internal sealed class BuildScriptRun : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    // The test runner's own settings, and a CI runner's GitHub variables, must not reach the build under test.
    private static readonly string[] InheritedPrefixesToDrop = ["VSTEST", "MSBUILD"];
    private static readonly string[] GitHubVariablesToDrop =
        ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_EVENT_PATH", "GITHUB_EVENT_NAME", "GITHUB_REF", "GITHUB_SHA", "GITHUB_RUN_ID"];

    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> waiters = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Func<string, bool>? interruptWhen;
    private readonly string description;
    private Task<ProcessResult> running = null!;
    private Task interruption = Task.CompletedTask;

    private BuildScriptRun(string description, Func<string, bool>? interruptWhen)
    {
        this.description = description;
        this.interruptWhen = interruptWhen;
    }

    public int Pid { get; private set; }

    /// <summary>True once the run was sent Ctrl+C because a line matched <c>interruptWhen</c>.</summary>
    public bool WasInterrupted { get; private set; }

    public int ExitCode => running.IsCompletedSuccessfully ? running.Result.ExitCode : throw new InvalidOperationException($"{description} has not finished");

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

    /// <param name="environment">Variables to set; a null value removes the variable from the build's environment.</param>
    /// <param name="interruptWhen">Sends Ctrl+C the first time a line of output matches.</param>
    public static BuildScriptRun Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, Func<string, bool>? interruptWhen = null)
    {
        var argumentList = arguments.ToList();
        var run = new BuildScriptRun($"./build.sh {string.Join(' ', argumentList)}", interruptWhen);

        // Through env --default-signal=INT: a test host started in the background inherits SIGINT ignored, and the
        // build would inherit that too, so the Ctrl+C of the tests would never reach it.
        run.running = ExternalProcess.RunAsync(
            "env",
            ["--default-signal=INT", "bash", Path.Combine(RepositoryRoot.Path, "build.sh"), .. argumentList],
            new ProcessOptions
            {
                WorkingDirectory = RepositoryRoot.Path,
                Environment = BuildEnvironment(environment),
                OnOutput = run.Append,
                OnStarted = pid => run.Pid = pid,
            },
            run.stop.Token);
        return run;
    }

    public static async Task<BuildScriptRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var run = Start(arguments, environment);
        await run.WaitForExitAsync(timeout);
        return run;
    }

    public static async Task<BuildScriptRun> RunAndInterruptAsync(IEnumerable<string> arguments, Func<string, bool> interruptWhen, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var run = Start(arguments, environment, interruptWhen);
        await run.WaitForExitAsync();
        return run;
    }

    /// <summary>Waits for the build to end; past <paramref name="timeout"/> (10 minutes) it is killed and the output so far reported.</summary>
    public async Task WaitForExitAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await running.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await StopAsync();
            throw new TimeoutException($"{description} did not finish within {limit}; its output:\n{Output}");
        }

        await interruption;
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

        var first = await Task.WhenAny(seen.Task, running, Task.Delay(timeout));
        if (first == seen.Task)
        {
            return await seen.Task;
        }

        throw new InvalidOperationException(
            (first == running ? $"{description} exited with {ExitCode} before printing the awaited line" : $"no awaited line within {timeout}") + $"; its output:\n{Output}");
    }

    /// <summary>Ctrl+C: SIGINT to the build process (env and build.sh exec, so the pid is the build's).</summary>
    public async Task InterruptAsync()
    {
        var kill = await ExternalProcess.RunAsync("kill", ["-INT", Pid.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.Succeeded, $"kill -INT {Pid}: {kill.StandardError}");
    }

    public override string ToString() => $"exit code {(running.IsCompletedSuccessfully ? ExitCode.ToString(CultureInfo.InvariantCulture) : "(still running)")}; output:\n{Output}";

    public void Dispose()
    {
        StopAsync().GetAwaiter().GetResult();
        stop.Dispose();
    }

    private async Task StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Killed with everything it started, as asked.
        }
    }

    private static Dictionary<string, string?> BuildEnvironment(IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => InheritedPrefixesToDrop.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Concat(GitHubVariablesToDrop)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        variables["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private void Append(string line)
    {
        lock (gate)
        {
            output.Append(line).Append('\n');
            foreach (var waiter in waiters.Where(w => w.Matches(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }

            if (interruptWhen is not null && !WasInterrupted && interruptWhen(line))
            {
                WasInterrupted = true;
                interruption = InterruptAsync();
            }
        }
    }
}
