using System.Net;
using System.Net.Http.Json;

namespace Smoke.Stack.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Networks carrying every one of <paramref name="labels"/> (<c>key</c> or <c>key=value</c>).</summary>
    public async Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().AddFilters(new Dictionary<string, IReadOnlyList<string>> { ["label"] = labels ?? [] });
        var items = await GetJsonAsync<List<NetworkListItem>>($"/networks{query}", cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.ToSummary()).ToList();
    }

    /// <summary>Removes a network; one that is already gone is fine.</summary>
    public async Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/networks/{Uri.EscapeDataString(idOrName)}", cancellationToken, alsoAccepted: HttpStatusCode.NotFound).ConfigureAwait(false);
    }

    /// <summary>Volumes carrying every one of <paramref name="labels"/> (<c>key</c> or <c>key=value</c>).</summary>
    public async Task<IReadOnlyList<VolumeSummary>> ListVolumesAsync(IReadOnlyList<string>? labels = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().AddFilters(new Dictionary<string, IReadOnlyList<string>> { ["label"] = labels ?? [] });
        var list = await GetJsonAsync<VolumeList>($"/volumes{query}", cancellationToken).ConfigureAwait(false);
        return (list.Volumes ?? []).Select(v => v.ToSummary()).ToList();
    }

    /// <summary>Removes a volume; one that is already gone is fine.</summary>
    public async Task RemoveVolumeAsync(string name, bool force = true, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("force", force);
        using var response = await SendAsync(HttpMethod.Delete, $"/volumes/{Uri.EscapeDataString(name)}{query}", cancellationToken, alsoAccepted: HttpStatusCode.NotFound).ConfigureAwait(false);
    }

    /// <summary>Creates a bridge network; returns its id.</summary>
    public async Task<string> CreateNetworkAsync(string name, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        using var content = JsonBody(new { Name = name, CheckDuplicate = true, Labels = labels ?? new Dictionary<string, string>() });
        using var response = await SendAsync(HttpMethod.Post, "/networks/create", cancellationToken, content).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync<CreatedResource>(EngineJson.Options, cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new DockerEngineApiException("POST /networks/create", response.StatusCode, "the engine did not return the new network's id");
    }

    /// <summary>Creates a local volume; returns its name.</summary>
    public async Task<string> CreateVolumeAsync(string name, IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        using var content = JsonBody(new { Name = name, Labels = labels ?? new Dictionary<string, string>() });
        using var response = await SendAsync(HttpMethod.Post, "/volumes/create", cancellationToken, content).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync<VolumeListItem>(EngineJson.Options, cancellationToken).ConfigureAwait(false);
        return created?.Name ?? throw new DockerEngineApiException("POST /volumes/create", response.StatusCode, "the engine did not return the new volume's name");
    }
}
