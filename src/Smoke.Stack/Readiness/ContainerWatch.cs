using System.Globalization;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>
/// One container of a service being waited on: its last inspection, what the event stream said about it, and its
/// probes, which start once it runs (its published ports are known only then).
/// </summary>
internal sealed class ContainerWatch(string id, ServiceWaitSettings settings, ComposeWaitContext context, Action changed)
{
    private readonly List<ProbeStatus> _probes = [];
    private readonly List<Task> _probeTasks = [];
    private DateTimeOffset? _firstStartedAt;
    private int _firstRestartCount;
    private bool _inspected;
    private int? _diedWith;
    private bool _oomKilled;
    private bool _restarted;
    private string? _probeProblem;

    public string Id { get; } = id;

    public ContainerDetails? Details { get; private set; }

    public bool Removed { get; private set; }

    public bool ProbesStarted { get; private set; }

    public IReadOnlyList<ProbeStatus> Probes => _probes;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Details = await context.Engine.TryInspectContainerAsync(Id, cancellationToken).ConfigureAwait(false);
        Removed = Details is null;
        if (Details is not null && !_inspected)
        {
            _inspected = true;
            _firstStartedAt = Details.State.StartedAt;
            _firstRestartCount = Details.RestartCount;
        }
    }

    /// <summary>Records what an event says; events from before the container's current run began are history and ignored.</summary>
    public void Observe(EngineEvent change)
    {
        if (_firstStartedAt is { } started && change.Time < started)
        {
            return;
        }

        switch (change.Action)
        {
            case "die":
                _diedWith = change.Attributes.TryGetValue("exitCode", out var code) && int.TryParse(code, CultureInfo.InvariantCulture, out var exit) ? exit : -1;
                break;
            case "oom":
                _oomKilled = true;
                break;
            case "restart":
                _restarted = true;
                break;
        }
    }

    public ContainerVerdict Evaluate()
    {
        if (Removed || Details is null)
        {
            return ContainerVerdict.Failed($"its container {Short(Id)} was removed while waiting for it");
        }

        var state = Details.State;
        if (_oomKilled || state.OOMKilled)
        {
            return ContainerVerdict.Failed(
                $"was killed for running out of memory (exit code {(_diedWith ?? state.ExitCode).ToString(CultureInfo.InvariantCulture)}, OOMKilled); raise its memory limit or lower its memory use");
        }

        return settings.OneShot ? EvaluateOneShot(state) : EvaluateService(state);
    }

    private ContainerVerdict EvaluateOneShot(ContainerState state)
    {
        if (_diedWith is { } died)
        {
            return died == 0 ? ContainerVerdict.Ready : ContainerVerdict.Failed($"(one-shot) exited with code {died}; it must exit 0{ErrorSuffix(state)}");
        }

        if (state.Status is "exited" or "dead")
        {
            return state.ExitCode == 0 ? ContainerVerdict.Ready : ContainerVerdict.Failed($"(one-shot) exited with code {state.ExitCode}; it must exit 0{ErrorSuffix(state)}");
        }

        if (state.Restarting || _restarted || Details!.RestartCount > _firstRestartCount)
        {
            return ContainerVerdict.Failed($"(one-shot) is being restarted by its restart policy (restart count {Details!.RestartCount}); it must exit 0 once");
        }

        return ContainerVerdict.Pending(state.Status == "created" ? "(one-shot) container created, not started yet" : "(one-shot) still running; it must exit 0");
    }

    private ContainerVerdict EvaluateService(ContainerState state)
    {
        var restarts = Details!.RestartCount;
        if (_diedWith is { } died)
        {
            var restartNote = state.Running || state.Restarting || restarts > _firstRestartCount
                ? $" and is being restarted by its restart policy (restart count {restarts})"
                : "";
            return ContainerVerdict.Failed($"exited with code {died}{restartNote}; a service must keep running (label it {ReadinessLabels.OneShot}: \"true\" if it is meant to exit){ErrorSuffix(state)}");
        }

        if (state.Restarting || _restarted || restarts > 0)
        {
            return ContainerVerdict.Failed($"is crash-looping: restarted {restarts} time{(restarts == 1 ? "" : "s")} by its restart policy (last exit code {state.ExitCode})");
        }

        if (state.Status is "exited" or "dead")
        {
            return ContainerVerdict.Failed($"exited with code {state.ExitCode}; a service must keep running (label it {ReadinessLabels.OneShot}: \"true\" if it is meant to exit){ErrorSuffix(state)}");
        }

        if (!state.Running)
        {
            return ContainerVerdict.Pending($"container is {state.Status}, not running yet");
        }

        if (state.Health is { } health && health.Status == "unhealthy")
        {
            return ContainerVerdict.Failed($"turned unhealthy after {health.FailingStreak} failing health check{(health.FailingStreak == 1 ? "" : "s")} ({LastHealthOutput(health)})");
        }

        if (!ProbesStarted)
        {
            StartProbes();
        }

        if (_probeProblem is { } problem)
        {
            return ContainerVerdict.Failed(problem);
        }

        var pending = new List<string>();
        if (state.Health is { Status: not "healthy" } starting)
        {
            pending.Add($"health check {starting.Status} ({LastHealthOutput(starting)})");
        }

        pending.AddRange(_probes.Where(p => !p.Succeeded).Select(p => p.Pending));
        return pending.Count == 0 ? ContainerVerdict.Ready : ContainerVerdict.Pending(string.Join("; ", pending));
    }

    /// <summary>Starts the label probes against the published ports; a probe on an unpublished port is a configuration error.</summary>
    private void StartProbes()
    {
        ProbesStarted = true;
        var missing = new List<string>();
        if (settings.Http is { } http)
        {
            if (HostPort(http.ContainerPort) is { } port)
            {
                var probe = new HttpReadinessProbe(new Uri($"http://{StackReadiness.LoopbackHost}:{port}{http.Path}"), context.Http);
                Start(probe.Description, status => ProbeLoop.RunAsync(probe, status, context.Request.ProbeAttemptTimeout, context.Request.Clock, changed, context.Stopping));
            }
            else
            {
                missing.Add($"{ReadinessLabels.WaitHttp} uses container port {http.ContainerPort}");
            }
        }

        foreach (var containerPort in settings.TcpPorts)
        {
            if (HostPort(containerPort) is { } port)
            {
                var probe = new TcpReadinessProbe(StackReadiness.LoopbackHost, port, containerPort);
                Start(probe.Description, status => ProbeLoop.RunAsync(probe, status, context.Request.ProbeAttemptTimeout, context.Request.Clock, changed, context.Stopping));
            }
            else
            {
                missing.Add($"{ReadinessLabels.WaitTcp} uses container port {containerPort}");
            }
        }

        if (settings.LogPattern is { } pattern)
        {
            var probe = new LogReadinessProbe(context.Engine, Id, pattern);
            Start(probe.Description, status => probe.RunAsync(status, context.Request.Clock, changed, context.Stopping));
        }

        if (missing.Count > 0)
        {
            _probeProblem = $"{string.Join(" and ", missing)}, which is not published on the host; publish it on loopback (ports: - \"127.0.0.1::<port>\") so it can be probed";
        }
    }

    private void Start(string description, Func<ProbeStatus, Task> run)
    {
        var status = new ProbeStatus(description);
        _probes.Add(status);
        _probeTasks.Add(Task.Run(
            async () =>
            {
                try
                {
                    await run(status).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (context.Stopping.IsCancellationRequested)
                {
                }
            },
            CancellationToken.None));
    }

    /// <summary>Lets the probes finish after the wait has stopped them.</summary>
    public Task StoppedAsync() => Task.WhenAll(_probeTasks);

    public int? HostPort(int containerPort) => StackReadiness.HostPort(Details?.Ports ?? [], containerPort);

    private static string LastHealthOutput(ContainerHealth health)
    {
        var last = health.Log?.LastOrDefault();
        if (last is null)
        {
            return "no check has finished yet";
        }

        var output = last.Output.ReplaceLineEndings(" ").Trim();
        if (output.Length > 300)
        {
            output = output[..300] + "...";
        }

        return output.Length == 0 ? $"last check exited {last.ExitCode} with no output" : $"last check exited {last.ExitCode}, output: {output}";
    }

    private static string ErrorSuffix(ContainerState state) => string.IsNullOrEmpty(state.Error) ? "" : $" (engine error: {state.Error})";

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
