using Smoke.Stack.Engine;

namespace Smoke.Stack.Fixtures;

/// <summary>A container started for a test and removed (with its anonymous volumes) when disposed.</summary>
public sealed class TestContainer : IAsyncDisposable
{
    private const int DiagnosticLogLines = 20;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    private readonly DockerEngineClient _client;
    private readonly bool _ownsClient;
    private readonly CreateContainerRequest _request;
    private readonly IWaitStrategy? _wait;
    private readonly TimeSpan _startupTimeout;
    private ContainerDetails? _details;

    internal TestContainer(DockerEngineClient? client, CreateContainerRequest request, IWaitStrategy? wait, TimeSpan startupTimeout)
    {
        _ownsClient = client is null;
        _client = client ?? DockerEngineClient.FromEnvironment();
        _request = request;
        _wait = wait;
        _startupTimeout = startupTimeout;
    }

    /// <summary>Where published ports are reached: always loopback.</summary>
    public string Host => "127.0.0.1";

    public string Image => _request.Image;

    /// <summary>The container id, once created.</summary>
    public string? Id { get; private set; }

    public string Name => _details?.Name ?? _request.Name ?? Id?[..12] ?? "(not created)";

    public IReadOnlyDictionary<string, string> Labels => _request.Labels;

    /// <summary>Creates and starts the container, then waits until the wait strategy says it is ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            Id ??= await _client.CreateContainerAsync(_request, cancellationToken).ConfigureAwait(false);
            await _client.StartContainerAsync(Id, cancellationToken).ConfigureAwait(false);
            _details = await _client.InspectContainerAsync(Id, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerEngineApiException ex)
        {
            var hint = ex.IsNotFound ? $"; the image is not here: build or pull {_request.Image} first (./build.sh Images)" : "";
            await RemoveQuietlyAsync().ConfigureAwait(false);
            throw new ContainerStartupException($"could not start a container from {_request.Image}: {ex.EngineMessage}{hint}", null, [], ex);
        }

        if (_wait is null)
        {
            return;
        }

        try
        {
            await WaitUntilReadyAsync(_wait, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerStartupException)
        {
            await RemoveQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The host port (on <see cref="Host"/>) the engine bound to <paramref name="containerPort"/>.</summary>
    public int GetMappedPort(int containerPort)
    {
        if (_details is null)
        {
            throw new InvalidOperationException($"container from {_request.Image} is not started: call StartAsync before GetMappedPort({containerPort})");
        }

        return _details.FindHostPort(containerPort)
            ?? throw new InvalidOperationException(
                $"container \"{Name}\" does not publish port {containerPort}; publish it with WithPortBinding({containerPort}) (published: {string.Join(", ", _details.Ports.Select(p => p.ContainerPort))})");
    }

    public async Task<ContainerDetails> InspectAsync(CancellationToken cancellationToken = default)
    {
        _details = await _client.InspectContainerAsync(RequireId(), cancellationToken).ConfigureAwait(false);
        return _details;
    }

    /// <summary>The whole log so far, stdout and stderr interleaved per line.</summary>
    public async Task<string> GetLogsAsync(CancellationToken cancellationToken = default) =>
        string.Join('\n', (await GetLogLinesAsync(cancellationToken).ConfigureAwait(false)).Select(l => l.Text));

    public Task<IReadOnlyList<ContainerLogLine>> GetLogLinesAsync(CancellationToken cancellationToken = default) =>
        _client.GetContainerLogsAsync(RequireId(), cancellationToken: cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Id is not null)
        {
            await _client.StopContainerAsync(Id, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveQuietlyAsync().ConfigureAwait(false);
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(IWaitStrategy wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _startupTimeout;
        var last = WaitProbe.NotYet("not probed yet");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var details = await InspectAsync(cancellationToken).ConfigureAwait(false);
            if (!details.State.Running && !details.State.Restarting)
            {
                throw await FailureAsync($"container \"{Name}\" ({Image}) stopped before it was ready ({wait.Describe(this)})", cancellationToken).ConfigureAwait(false);
            }

            last = await wait.ProbeAsync(this, cancellationToken).ConfigureAwait(false);
            if (last.IsReady)
            {
                return;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw await FailureAsync(
                    $"container \"{Name}\" ({Image}) did not become ready within {_startupTimeout.TotalSeconds:0}s: waited for {wait.Describe(this)}, last probe: {last.Detail}",
                    cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(ProbeInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ContainerStartupException> FailureAsync(string message, CancellationToken cancellationToken)
    {
        var details = await _client.TryInspectContainerAsync(RequireId(), cancellationToken).ConfigureAwait(false);
        var lines = await _client.GetContainerLogsAsync(RequireId(), new ContainerLogOptions { Tail = DiagnosticLogLines }, cancellationToken).ConfigureAwait(false);
        return new ContainerStartupException(message, details?.State, lines.Select(l => l.Text).ToList());
    }

    private async Task RemoveQuietlyAsync()
    {
        if (Id is null)
        {
            return;
        }

        try
        {
            await _client.RemoveContainerAsync(Id, force: true, removeVolumes: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerEngineUnreachableException)
        {
            // The engine is gone, and the container with it; the next run's sweep removes whatever survives.
        }
    }

    private string RequireId() => Id ?? throw new InvalidOperationException($"container from {_request.Image} is not created: call StartAsync first");
}
