using System.Globalization;
using System.Threading.Channels;

namespace Smoke.Stack.Readiness;

/// <summary>Waits for a service of a remote environment: only its HTTP and TCP probes, no Docker.</summary>
internal sealed class RemoteServiceWait : IServiceWait
{
    private readonly RemoteService _service;
    private readonly ReadinessRequest _request;
    private readonly Action<ServiceReadinessChange> _report;
    private readonly List<IReadinessProbe> _probes = [];
    private readonly List<string> _problems = [];
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();

    public RemoteServiceWait(RemoteService service, ReadinessRequest request, HttpClient http, Action<ServiceReadinessChange> report)
    {
        _service = service;
        _request = request;
        _report = report;
        var ports = new Dictionary<int, int>();
        if (service.ReadyUrl is { } url)
        {
            if (url.IsAbsoluteUri && url.Scheme is "http" or "https")
            {
                _probes.Add(new HttpReadinessProbe(url, http));
                ports[url.Port] = url.Port;
            }
            else
            {
                _problems.Add($"its ready URL \"{url}\" is not an absolute http:// or https:// URL");
            }
        }

        string? host = service.ReadyUrl is { IsAbsoluteUri: true } absolute ? absolute.Host : null;
        foreach (var endpoint in service.TcpEndpoints)
        {
            var colon = endpoint.LastIndexOf(':');
            if (colon > 0 && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
            {
                var tcpHost = endpoint[..colon].Trim('[', ']');
                _probes.Add(new TcpReadinessProbe(tcpHost, port));
                ports[port] = port;
                host ??= tcpHost;
            }
            else
            {
                _problems.Add($"its TCP endpoint \"{endpoint}\" is not host:port");
            }
        }

        if (_probes.Count == 0 && _problems.Count == 0)
        {
            _problems.Add("it has neither a ready URL nor a TCP endpoint to probe");
        }

        Probe = string.Join(" + ", _probes.Select(p => p.Description));
        Endpoint = host is null ? null : new ServiceEndpoint(service.Name, host, ports, service.ReadyUrl is { IsAbsoluteUri: true } ready ? new Uri(ready.GetLeftPart(UriPartial.Authority)) : null);
    }

    public string Service => _service.Name;

    public bool IsCritical => _service.Critical;

    public string Probe { get; }

    public ServiceEndpoint? Endpoint { get; }

    public async Task<ServiceReadiness> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = _request.Clock;
        var started = clock.GetTimestamp();
        var timeout = _service.Timeout ?? _request.DefaultTimeout;
        ServiceReadiness Finish(ServiceReadinessState state, string detail, string? reason)
        {
            _report(new ServiceReadinessChange(Service, state, Probe, detail, IsCritical, clock.GetElapsedTime(started), clock.GetUtcNow()));
            return new ServiceReadiness(Service, state, IsCritical, clock.GetElapsedTime(started), clock.GetUtcNow()) { Reason = reason };
        }

        if (_problems.Count > 0)
        {
            var reason = $"service \"{Service}\" cannot be probed: {string.Join("; ", _problems)}";
            return Finish(ServiceReadinessState.Failed, reason, reason);
        }

        _report(new ServiceReadinessChange(Service, ServiceReadinessState.Waiting, Probe, "probing", IsCritical, TimeSpan.Zero, clock.GetUtcNow()));
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var statuses = _probes.Select(p => new ProbeStatus(p.Description)).ToList();
        var running = _probes.Zip(statuses).Select(pair => RunProbeAsync(pair.First, pair.Second, stopping.Token)).ToList();
        try
        {
            while (!statuses.All(s => s.Succeeded))
            {
                var remaining = timeout - clock.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    var reason = $"service \"{Service}\" never became ready within {WaitDuration.Format(timeout)}: {string.Join("; ", statuses.Where(s => !s.Succeeded).Select(s => s.Pending))}";
                    return Finish(ServiceReadinessState.Failed, reason, reason);
                }

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                tick.CancelAfter(remaining);
                try
                {
                    await _changes.Reader.ReadAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }

            return Finish(ServiceReadinessState.Ready, "ready", null);
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    private async Task RunProbeAsync(IReadinessProbe probe, ProbeStatus status, CancellationToken stopping)
    {
        try
        {
            await ProbeLoop.RunAsync(probe, status, _request.ProbeAttemptTimeout, _request.Clock, () => _changes.Writer.TryWrite(true), stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
