using System.Threading.Channels;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Waits for one compose service: every container of it ready, judged afresh on each engine event about it, each
/// probe result, and once a second in case an event was lost.
/// </summary>
internal sealed class ComposeServiceWait(string service, IReadOnlyList<ContainerSummary> initialContainers, ComposeWaitContext context) : IServiceWait
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly Channel<EngineEvent?> _signals = Channel.CreateUnbounded<EngineEvent?>();
    private readonly List<ContainerWatch> _containers = [];
    private ServiceWaitSettings? _settings = initialContainers.Count > 0 ? ServiceWaitSettings.FromLabels(initialContainers[0].Labels, context.Request.DefaultTimeout) : null;
    private ServiceReadinessChange? _lastReported;
    private long _started;

    public string Service { get; } = service;

    public bool IsCritical => _settings?.Critical ?? true;

    public string Probe { get; private set; } = "container";

    public ServiceEndpoint? Endpoint { get; private set; }

    private TimeProvider Clock => context.Request.Clock;

    /// <summary>An engine event about one of this service's containers; called by the event pump.</summary>
    public void Signal(EngineEvent change) => _signals.Writer.TryWrite(change);

    public async Task<ServiceReadiness> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _started = Clock.GetTimestamp();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var own = context with { Stopping = stopping.Token };
        try
        {
            return await WaitAsync(own, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_containers.Select(c => c.StoppedAsync())).ConfigureAwait(false);
        }
    }

    private async Task<ServiceReadiness> WaitAsync(ComposeWaitContext own, CancellationToken cancellationToken)
    {
        foreach (var container in initialContainers.OrderBy(c => c.Created))
        {
            Add(container.Id, own);
        }

        while (true)
        {
            if (_containers.Count == 0)
            {
                await DiscoverAsync(own, cancellationToken).ConfigureAwait(false);
            }

            if (_settings is { Problems.Count: > 0 } invalid)
            {
                return await FailAsync($"has labels that cannot be used: {string.Join("; ", invalid.Problems)}; fix them in the compose file", null, cancellationToken).ConfigureAwait(false);
            }

            foreach (var container in _containers)
            {
                await container.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            var verdicts = _containers.Select(c => (Container: c, Verdict: c.Evaluate())).ToList();
            UpdateProbeDescription();
            if (verdicts.FirstOrDefault(v => v.Verdict.Kind == ContainerVerdictKind.Failed) is { Container: not null } failed)
            {
                return await FailAsync(failed.Verdict.Text, failed.Container, cancellationToken).ConfigureAwait(false);
            }

            if (verdicts.Count > 0 && verdicts.All(v => v.Verdict.Kind == ContainerVerdictKind.Ready))
            {
                Endpoint = EndpointOf(_containers[0]);
                var ready = Result(ServiceReadinessState.Ready);
                Report(ServiceReadinessState.Ready, "ready");
                return ready;
            }

            var pending = verdicts.Count == 0
                ? $"no container of service \"{Service}\" in compose project \"{context.Project}\" yet (is it part of the project? see `docker-compose -p {context.Project} ps -a`)"
                : string.Join("; ", verdicts.Where(v => v.Verdict.Kind == ContainerVerdictKind.Pending).Select(v => v.Verdict.Text).Distinct());
            var timeout = _settings?.Timeout ?? context.Request.DefaultTimeout;
            var remaining = timeout - Clock.GetElapsedTime(_started);
            if (remaining <= TimeSpan.Zero)
            {
                var never = _settings?.OneShot == true
                    ? $"(one-shot) was still running after {WaitDuration.Format(timeout)}; it must exit 0 within its {ReadinessLabels.WaitTimeout}"
                    : $"never became ready within {WaitDuration.Format(timeout)}: {pending}";
                return await FailAsync(never, _containers.FirstOrDefault(), cancellationToken).ConfigureAwait(false);
            }

            Report(ServiceReadinessState.Waiting, pending);
            await NextSignalAsync(remaining < Recheck ? remaining : Recheck, own, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Add(string id, ComposeWaitContext own)
    {
        if (_containers.Any(c => c.Id == id))
        {
            return;
        }

        _containers.Add(new ContainerWatch(id, _settings!, own, () => _signals.Writer.TryWrite(null)));
    }

    /// <summary>A service may have no container yet (or the events said one started): look for it by its compose labels.</summary>
    private async Task DiscoverAsync(ComposeWaitContext own, CancellationToken cancellationToken)
    {
        var found = await context.Engine.ListContainersAsync(
            [$"{ComposeLabels.Project}={context.Project}", $"{ComposeLabels.Service}={Service}", $"{ComposeLabels.OneOff}=False"],
            all: true,
            cancellationToken).ConfigureAwait(false);
        if (found.Count > 0)
        {
            _settings ??= ServiceWaitSettings.FromLabels(found[0].Labels, context.Request.DefaultTimeout);
        }

        foreach (var container in found.OrderBy(c => c.Created))
        {
            Add(container.Id, own);
        }
    }

    private async Task NextSignalAsync(TimeSpan wait, ComposeWaitContext own, CancellationToken cancellationToken)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        tick.CancelAfter(wait);
        try
        {
            await _signals.Reader.WaitToReadAsync(tick.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var discover = false;
        while (_signals.Reader.TryRead(out var change))
        {
            if (change is null)
            {
                continue;
            }

            if (_containers.FirstOrDefault(c => c.Id == change.ActorId) is { } known)
            {
                known.Observe(change);
            }
            else if (change.Action is "start" or "create")
            {
                discover = true;
            }
        }

        if (discover)
        {
            await DiscoverAsync(own, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ServiceReadiness> FailAsync(string why, ContainerWatch? container, CancellationToken cancellationToken)
    {
        var reason = $"service \"{Service}\" {why}";
        var result = Result(ServiceReadinessState.Failed);
        if (container is not null)
        {
            Endpoint = EndpointOf(container);
            var written = await ServiceDiagnostics.WriteAsync(
                context.Engine, Service, container.Id, context.Request.DiagnosticsDirectory, context.Request.LogTailLines, cancellationToken).ConfigureAwait(false);
            reason += written.Problem is { } problem
                ? $"; {problem}"
                : written.Tail.Count == 0
                    ? $"; the container logged nothing (inspect JSON in {written.InspectFile})"
                    : $"; last {written.Tail.Count} log lines in {written.LogFile}";
            result = result with { LogTail = written.Tail, LogFile = written.Problem is null ? written.LogFile : null, InspectFile = written.Problem is null ? written.InspectFile : null };
        }

        Report(ServiceReadinessState.Failed, reason);
        return result with { Reason = reason };
    }

    private ServiceReadiness Result(ServiceReadinessState state) =>
        new(Service, state, IsCritical, Clock.GetElapsedTime(_started), Clock.GetUtcNow());

    private void Report(ServiceReadinessState state, string detail)
    {
        if (_lastReported is { } last && last.State == state && last.Detail == detail && last.Probe == Probe)
        {
            return;
        }

        _lastReported = new ServiceReadinessChange(Service, state, Probe, detail, IsCritical, Clock.GetElapsedTime(_started), Clock.GetUtcNow());
        context.Report(_lastReported);
    }

    private void UpdateProbeDescription()
    {
        if (_settings is null || _containers.Count == 0)
        {
            return;
        }

        var first = _containers[0];
        var parts = new List<string>();
        if (_settings.OneShot)
        {
            parts.Add("exit 0");
        }
        else
        {
            if (first.Details?.State.Health is not null)
            {
                parts.Add("health");
            }

            parts.AddRange(first.ProbesStarted ? first.Probes.Select(p => p.Description) : Planned(_settings));
            if (parts.Count == 0)
            {
                parts.Add("running");
            }
        }

        Probe = string.Join(" + ", parts);
    }

    private static IEnumerable<string> Planned(ServiceWaitSettings settings)
    {
        if (settings.Http is { } http)
        {
            yield return $"HTTP :{http.ContainerPort}{http.Path}";
        }

        foreach (var port in settings.TcpPorts)
        {
            yield return $"TCP :{port}";
        }

        if (settings.LogPattern is { } pattern)
        {
            yield return $"log line matching /{pattern}/";
        }
    }

    private ServiceEndpoint? EndpointOf(ContainerWatch container)
    {
        if (container.Details is not { } details)
        {
            return null;
        }

        var ports = details.Ports
            .Where(p => p.Protocol == "tcp")
            .Select(p => p.ContainerPort)
            .Distinct()
            .Select(p => (ContainerPort: p, HostPort: container.HostPort(p)))
            .Where(p => p.HostPort is not null)
            .ToDictionary(p => p.ContainerPort, p => p.HostPort!.Value);
        Uri? url = _settings?.Http is { } http && ports.TryGetValue(http.ContainerPort, out var httpPort)
            ? new Uri($"http://{StackReadiness.LoopbackHost}:{httpPort}")
            : null;

        // A service that publishes nothing (a one-shot, a worker) cannot be reached: no variables for it.
        return ports.Count == 0 ? null : new ServiceEndpoint(Service, StackReadiness.LoopbackHost, ports, url);
    }
}
