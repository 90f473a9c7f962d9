using Smoke.Stack.Compose;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Waits until every service of a stack is ready, judging each one the moment the engine reports a change, and
/// says why when one is not: the reason in one line, its last log lines, its full log and inspect JSON on disk.
/// </summary>
public static class StackReadiness
{
    /// <summary>Published ports are reached here, never on a container address.</summary>
    public const string LoopbackHost = "127.0.0.1";

    private static readonly string[] WatchedEvents = ["start", "die", "health_status", "restart", "oom", "create", "destroy"];

    /// <summary>
    /// Waits for the request's services, concurrently; <paramref name="progress"/> hears of every state change as it
    /// happens (from several threads). The report says which services are ready, which failed and why.
    /// </summary>
    public static async Task<ReadinessReport> WaitAsync(
        ReadinessRequest request,
        IProgress<ServiceReadinessChange>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var started = request.Clock.GetTimestamp();
        void Report(ServiceReadinessChange change) => progress?.Report(change);

        using var http = CreateHttpClient(request);
        var (results, endpoints) = request.Engine is { } engine
            ? await WaitForComposeAsync(engine, request, http, Report, cancellationToken).ConfigureAwait(false)
            : await WaitForRemoteAsync(request, http, Report, cancellationToken).ConfigureAwait(false);
        return new ReadinessReport(results, new StackEndpoints(endpoints), request.Clock.GetElapsedTime(started));
    }

    private static async Task<(IReadOnlyList<ServiceReadiness>, IReadOnlyList<ServiceEndpoint>)> WaitForComposeAsync(
        DockerEngineClient engine,
        ReadinessRequest request,
        HttpClient http,
        Action<ServiceReadinessChange> report,
        CancellationToken cancellationToken)
    {
        var project = request.ProjectName!;
        var projectLabel = $"{ComposeLabels.Project}={project}";
        var filter = new EngineEventFilter { Types = ["container"], Labels = [projectLabel], Events = WatchedEvents };

        // Subscribed before the first look at the containers, so no change between the two goes unseen.
        using var events = await EngineEventSubscription.OpenAsync(engine, filter, request.Clock, cancellationToken).ConfigureAwait(false);
        var containers = (await engine.ListContainersAsync([projectLabel, $"{ComposeLabels.OneOff}=False"], all: true, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Labels.ContainsKey(ComposeLabels.Service))
            .ToList();
        var byService = containers.GroupBy(c => c.Labels[ComposeLabels.Service], StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ContainerSummary>)g.ToList(), StringComparer.Ordinal);
        var dependsOn = request.DependsOn ?? byService.ToDictionary(
            s => s.Key,
            s => ComposeDependencies.FromLabel(s.Value[0].Labels.GetValueOrDefault("com.docker.compose.depends_on")),
            StringComparer.Ordinal);
        if (byService.Count == 0)
        {
            throw new InvalidOperationException(
                $"compose project \"{project}\" has no containers on the Docker engine at {engine.Endpoint}; start it first (ComposeUp, or `docker-compose -p {project} up -d`), or check the project name");
        }

        var services = byService.Keys.Union(dependsOn.Keys).Order(StringComparer.Ordinal).ToList();
        var context = new ComposeWaitContext(engine, project, request, http, report, cancellationToken);
        var waits = services.ToDictionary(s => s, s => new ComposeServiceWait(s, byService.GetValueOrDefault(s) ?? [], context), StringComparer.Ordinal);

        using var stopPump = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpEventsAsync(events, waits, stopPump.Token);
        try
        {
            var results = await new ReadinessRun(waits.Values.ToList<IServiceWait>(), dependsOn, request.Clock, report).RunAsync(cancellationToken).ConfigureAwait(false);
            return (results, results.Select(r => waits[r.Service].Endpoint).OfType<ServiceEndpoint>().ToList());
        }
        finally
        {
            await stopPump.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>Hands each event to its service. If the stream breaks, the waits still look once a second.</summary>
    private static async Task PumpEventsAsync(EngineEventSubscription events, IReadOnlyDictionary<string, ComposeServiceWait> waits, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var change in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (change.Attributes.TryGetValue(ComposeLabels.Service, out var service) && waits.TryGetValue(service, out var wait))
                {
                    wait.Signal(change);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or System.Text.Json.JsonException)
        {
        }
    }

    private static async Task<(IReadOnlyList<ServiceReadiness>, IReadOnlyList<ServiceEndpoint>)> WaitForRemoteAsync(
        ReadinessRequest request,
        HttpClient http,
        Action<ServiceReadinessChange> report,
        CancellationToken cancellationToken)
    {
        var duplicate = request.RemoteServices.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"remote service \"{duplicate.Key}\" is listed {duplicate.Count()} times; give each service once");
        }

        var waits = request.RemoteServices.Select(s => new RemoteServiceWait(s, request, http, report)).ToList();
        var results = await new ReadinessRun(waits, request.DependsOn ?? new Dictionary<string, IReadOnlyList<string>>(), request.Clock, report)
            .RunAsync(cancellationToken).ConfigureAwait(false);
        var byName = waits.ToDictionary(w => w.Service, StringComparer.Ordinal);
        return (results, results.Select(r => byName[r.Service].Endpoint).OfType<ServiceEndpoint>().ToList());
    }

    private static HttpClient CreateHttpClient(ReadinessRequest request) =>
        new(new SocketsHttpHandler
        {
            // A proxy must never see loopback probes; remote environments are reached directly as well.
            UseProxy = false,
            ConnectTimeout = request.ProbeAttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>The host port of a container port, preferring a loopback or any-address binding over an IPv6 one.</summary>
    internal static int? HostPort(IReadOnlyList<PublishedPort> ports, int containerPort) =>
        ports
            .Where(p => p.ContainerPort == containerPort && p.Protocol == "tcp" && p.HostPort > 0)
            .OrderBy(p => p.HostIp is LoopbackHost or "0.0.0.0" or "" ? 0 : 1)
            .Select(p => (int?)p.HostPort)
            .FirstOrDefault();
}
