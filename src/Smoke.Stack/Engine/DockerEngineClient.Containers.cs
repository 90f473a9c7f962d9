using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace Smoke.Stack.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Containers carrying every one of <paramref name="labels"/> (<c>key</c> or <c>key=value</c>), stopped ones included by default.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(
        IReadOnlyList<string>? labels = null,
        bool all = true,
        CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("all", all).AddFilters(new Dictionary<string, IReadOnlyList<string>> { ["label"] = labels ?? [] });
        var items = await GetJsonAsync<List<ContainerListItem>>($"/containers/json{query}", cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.ToSummary()).ToList();
    }

    /// <summary>Containers attached to the network <paramref name="network"/> (name or id), stopped ones included.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersOnNetworkAsync(string network, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("all", true).AddFilters(new Dictionary<string, IReadOnlyList<string>> { ["network"] = [network] });
        var items = await GetJsonAsync<List<ContainerListItem>>($"/containers/json{query}", cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.ToSummary()).ToList();
    }

    public async Task<ContainerDetails> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        await TryInspectContainerAsync(id, cancellationToken).ConfigureAwait(false)
        ?? throw new DockerEngineApiException($"GET /containers/{id}/json", HttpStatusCode.NotFound, $"no such container: {id}");

    /// <summary>Null when the container does not exist (any more).</summary>
    public async Task<ContainerDetails?> TryInspectContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/containers/{Uri.EscapeDataString(id)}/json", cancellationToken, alsoAccepted: HttpStatusCode.NotFound).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var raw = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var inspection = System.Text.Json.JsonSerializer.Deserialize<ContainerInspection>(raw, EngineJson.Options)
            ?? throw new DockerEngineApiException($"GET /containers/{id}/json", response.StatusCode, "the engine answered with an empty body");
        return inspection.ToDetails(raw);
    }

    /// <summary>The container's log so far, demultiplexed into stdout and stderr lines (one stream for a TTY container).</summary>
    public async Task<IReadOnlyList<ContainerLogLine>> GetContainerLogsAsync(
        string id,
        ContainerLogOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var lines = new List<ContainerLogLine>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            await foreach (var line in ReadLogsAsync(id, options ?? new ContainerLogOptions(), follow: false, deadline.Token).ConfigureAwait(false))
            {
                lines.Add(line);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the Docker engine at {Endpoint} did not send the logs of container {id} within {_options.RequestTimeout.TotalSeconds:0}s");
        }

        return lines;
    }

    /// <summary>Follows the container's log until it stops or the token is cancelled.</summary>
    public IAsyncEnumerable<ContainerLogLine> FollowContainerLogsAsync(
        string id,
        ContainerLogOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ReadLogsAsync(id, options ?? new ContainerLogOptions(), follow: true, cancellationToken);

    private async IAsyncEnumerable<ContainerLogLine> ReadLogsAsync(
        string id,
        ContainerLogOptions options,
        bool follow,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var details = await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        var query = new QueryString()
            .Add("stdout", options.Stdout)
            .Add("stderr", options.Stderr)
            .Add("follow", follow)
            .Add("timestamps", options.Timestamps)
            .Add("tail", options.Tail?.ToString(CultureInfo.InvariantCulture) ?? "all")
            .Add("since", options.Since is { } since ? UnixTime(since) : null);
        using var response = await SendAsync(HttpMethod.Get, $"/containers/{Uri.EscapeDataString(id)}/logs{query}", cancellationToken, streaming: true).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var line in LogStreamReader.ReadAsync(stream, details.Tty, options.Timestamps, cancellationToken).ConfigureAwait(false))
        {
            yield return line;
        }
    }

    /// <summary>Creates (does not start) a container; returns its id.</summary>
    public async Task<string> CreateContainerAsync(CreateContainerRequest request, CancellationToken cancellationToken = default)
    {
        var ports = request.PublishedPorts.Distinct().ToDictionary(p => $"{p}/tcp", _ => (object)new { });
        var body = new Dictionary<string, object?>
        {
            ["Image"] = request.Image,
            ["Cmd"] = request.Command,
            ["Entrypoint"] = request.Entrypoint,
            ["Env"] = request.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            ["Labels"] = request.Labels,
            ["Tty"] = request.Tty,
            ["ExposedPorts"] = ports,
            ["Healthcheck"] = request.Healthcheck is { } health
                ? new
                {
                    health.Test,
                    Interval = health.Interval.Ticks * 100,
                    Timeout = health.Timeout.Ticks * 100,
                    health.Retries,
                    StartPeriod = health.StartPeriod.Ticks * 100,
                }
                : null,
            ["HostConfig"] = new
            {
                NetworkMode = request.NetworkMode,
                PortBindings = ports.Keys.ToDictionary(k => k, _ => new[] { new { HostIp = "127.0.0.1", HostPort = "" } }),
            },
        };
        var query = new QueryString().Add("name", request.Name);
        using var content = JsonBody(body);
        using var response = await SendAsync(HttpMethod.Post, $"/containers/create{query}", cancellationToken, content).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync<CreatedResource>(EngineJson.Options, cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new DockerEngineApiException("POST /containers/create", response.StatusCode, "the engine did not return the new container's id");
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/containers/{Uri.EscapeDataString(id)}/start", cancellationToken, alsoAccepted: HttpStatusCode.NotModified).ConfigureAwait(false);
    }

    /// <summary>Waits (no deadline of its own) until the container stops; returns its exit code.</summary>
    public async Task<int> WaitContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/containers/{Uri.EscapeDataString(id)}/wait", cancellationToken, streaming: true).ConfigureAwait(false);
        var result = await response.Content.ReadFromJsonAsync<ContainerWaitResult>(EngineJson.Options, cancellationToken).ConfigureAwait(false);
        return result?.StatusCode ?? -1;
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>. A container that is already stopped is fine.</summary>
    public async Task StopContainerAsync(string id, TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)(grace ?? TimeSpan.FromSeconds(10)).TotalSeconds;
        using var response = await SendAsync(
            HttpMethod.Post,
            $"/containers/{Uri.EscapeDataString(id)}/stop?t={seconds}",
            cancellationToken,
            timeout: _options.RequestTimeout + TimeSpan.FromSeconds(seconds),
            alsoAccepted: HttpStatusCode.NotModified).ConfigureAwait(false);
    }

    /// <summary>Sends a signal; a container that is not running is fine.</summary>
    public async Task KillContainerAsync(string id, string signal = "SIGKILL", CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Post,
            $"/containers/{Uri.EscapeDataString(id)}/kill?signal={Uri.EscapeDataString(signal)}",
            cancellationToken,
            alsoAccepted: HttpStatusCode.Conflict).ConfigureAwait(false);
    }

    /// <summary>Removes the container (and its anonymous volumes); one that is already gone, or going, is fine.</summary>
    public async Task RemoveContainerAsync(string id, bool force = true, bool removeVolumes = true, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("force", force).Add("v", removeVolumes);
        using var response = await SendAsync(HttpMethod.Delete, $"/containers/{Uri.EscapeDataString(id)}{query}", cancellationToken, alsoAccepted: [HttpStatusCode.NotFound, HttpStatusCode.Conflict]).ConfigureAwait(false);
    }
}
