using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Smoke.Stack.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Images carrying every one of <paramref name="labels"/>, or matching <paramref name="reference"/> (e.g. <c>smoke/*</c>).</summary>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(
        IReadOnlyList<string>? labels = null,
        string? reference = null,
        CancellationToken cancellationToken = default)
    {
        var query = new QueryString().AddFilters(new Dictionary<string, IReadOnlyList<string>>
        {
            ["label"] = labels ?? [],
            ["reference"] = reference is null ? [] : [reference],
        });
        var items = await GetJsonAsync<List<ImageListItem>>($"/images/json{query}", cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.ToSummary()).ToList();
    }

    /// <summary>Null when the image is not here.</summary>
    public async Task<ImageDetails?> TryInspectImageAsync(string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/images/{reference}/json", cancellationToken, alsoAccepted: HttpStatusCode.NotFound).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var inspection = await JsonSerializer.DeserializeAsync<ImageInspection>(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), EngineJson.Options, cancellationToken).ConfigureAwait(false);
        return inspection?.ToDetails();
    }

    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var reference = ImageReference.Parse(target);
        var query = new QueryString().Add("repo", reference.Repository).Add("tag", reference.Tag);
        using var response = await SendAsync(HttpMethod.Post, $"/images/{source}/tag{query}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Untags (and deletes when no tag is left) an image; one that is already gone is fine.</summary>
    public async Task RemoveImageAsync(string reference, bool force = false, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("force", force);
        using var response = await SendAsync(HttpMethod.Delete, $"/images/{reference}{query}", cancellationToken, alsoAccepted: HttpStatusCode.NotFound).ConfigureAwait(false);
    }

    /// <summary>
    /// Pulls an image, reporting each progress line. No deadline of its own: a caller that wants to give up on an
    /// unreachable registry quickly cancels the token.
    /// </summary>
    public async Task PullImageAsync(string reference, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var image = ImageReference.Parse(reference);
        var query = new QueryString().Add("fromImage", image.Repository).Add("tag", image.Tag);
        using var response = await SendAsync(HttpMethod.Post, $"/images/create{query}", cancellationToken, streaming: true).ConfigureAwait(false);
        await ReadMessagesAsync(response, $"pull of {reference}", progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds an image with the classic builder from a tar context; returns the image id. A failing step throws
    /// <see cref="DockerEngineApiException"/> with the engine's error and the last lines of build output.
    /// </summary>
    public async Task<string> BuildImageAsync(
        ImageBuildRequest request,
        Stream tarContext,
        Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var query = new QueryString()
            .Add("dockerfile", request.Dockerfile)
            .Add("buildargs", JsonSerializer.Serialize(request.BuildArgs))
            .Add("labels", JsonSerializer.Serialize(request.Labels))
            .Add("rm", true)
            .Add("forcerm", true)
            .Add("nocache", request.NoCache)
            .Add("pull", request.PullParent)
            .Add("version", "1");
        foreach (var tag in request.Tags)
        {
            query.Add("t", tag);
        }

        using var content = new StreamContent(tarContext);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Post, $"/build{query}", cancellationToken, content, streaming: true).ConfigureAwait(false);
        var id = await ReadMessagesAsync(response, $"build of {string.Join(", ", request.Tags)}", progress, cancellationToken).ConfigureAwait(false);
        return id ?? (request.Tags.Count > 0 && await TryInspectImageAsync(request.Tags[0], cancellationToken).ConfigureAwait(false) is { } built
            ? built.Id
            : throw new DockerEngineApiException($"build of {string.Join(", ", request.Tags)}", null, "the engine finished without naming the built image"));
    }

    /// <summary>Imports a root filesystem tarball as an image (<c>docker import</c>); returns the image id.</summary>
    public async Task<string> ImportImageAsync(
        Stream rootFilesystemTar,
        string reference,
        IReadOnlyList<string>? changes = null,
        Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var image = ImageReference.Parse(reference);
        var query = new QueryString().Add("fromSrc", "-").Add("repo", image.Repository).Add("tag", image.Tag);
        foreach (var change in changes ?? [])
        {
            query.Add("changes", change);
        }

        using var content = new StreamContent(rootFilesystemTar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Post, $"/images/create{query}", cancellationToken, content, streaming: true).ConfigureAwait(false);
        await ReadMessagesAsync(response, $"import of {reference}", progress, cancellationToken).ConfigureAwait(false);
        return (await TryInspectImageAsync(reference, cancellationToken).ConfigureAwait(false))?.Id
            ?? throw new DockerEngineApiException($"import of {reference}", null, "the engine finished but the image is not there");
    }

    private static async Task<string?> ReadMessagesAsync(HttpResponseMessage response, string operation, Action<string>? progress, CancellationToken cancellationToken)
    {
        var recent = new Queue<string>();
        string? id = null;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in EngineJson.ReadLinesAsync<JsonMessage>(stream, cancellationToken).ConfigureAwait(false))
        {
            if (message.ErrorText is { } error)
            {
                var context = recent.Count > 0 ? $" (last output: {string.Join(" | ", recent)})" : "";
                throw new DockerEngineApiException(operation, null, error.Trim() + context);
            }

            id = message.Aux?.ID ?? id;
            if (message.Describe() is { Length: > 0 } text)
            {
                progress?.Invoke(text);
                recent.Enqueue(text);
                if (recent.Count > 5)
                {
                    recent.Dequeue();
                }
            }
        }

        return id;
    }
}
