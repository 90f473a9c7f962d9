using System.Text.RegularExpressions;
using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Compose;

/// <summary>How a failed compose command is explained: the service it names, compose's error lines, a missing image, a network still in use.</summary>
public sealed partial class ComposeDriver
{
    /// <summary>How long <see cref="DownAsync"/> waits before each new try while a network is still in use (15 s in all).</summary>
    internal static IReadOnlyList<TimeSpan> NetworkInUseRetryDelays { get; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    /// <summary>The engine's "network … has active endpoints", on which compose v1 fails (v2 only warns and exits 0).</summary>
    internal static bool IsNetworkInUse(string standardError) =>
        standardError.Contains("has active endpoints", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names each container that still holds one of the project's <paramref name="networks"/>, and how to let go of it.</summary>
    private async Task<ComposeCommandException> NetworkInUseFailureAsync(
        ComposeProject project, IReadOnlyList<string> arguments, ProcessResult result, IReadOnlyList<NetworkSummary> networks, CancellationToken cancellationToken)
    {
        var holders = new List<string>();
        foreach (var network in networks)
        {
            foreach (var container in await _engine.ListContainersOnNetworkAsync(network.Id, cancellationToken).ConfigureAwait(false))
            {
                holders.Add($"container {container.Name} on network {network.Name} (docker network disconnect -f {network.Name} {container.Name})");
            }
        }

        var command = $"{CommandName} -p {project.Name} {string.Join(' ', arguments)}";
        var left = string.Join(", ", networks.Select(n => n.Name));
        var message = holders.Count == 0
            ? $"{command} left network {left} behind, still in use after {NetworkInUseRetryDelays.Sum(d => d.TotalSeconds):0} s; run the same command again once the containers on it are gone"
            : $"{command} left network {left} behind, in use by a container that is not part of project {project.Name}: {string.Join("; ", holders)}. Disconnect or remove it, then run the same command again";
        return new ComposeCommandException(message, command, result.ExitCode, result.StandardError, null);
    }

    private async Task<ComposeCommandException> ExplainUpFailureAsync(ComposeProject project, IReadOnlyList<string> arguments, ProcessResult result, CancellationToken cancellationToken)
    {
        var service = ExtractService(result.StandardError);
        try
        {
            foreach (var (name, image) in await ServiceImagesAsync(project, cancellationToken).ConfigureAwait(false))
            {
                if ((service is null || service == name) && await _engine.TryInspectImageAsync(image, cancellationToken).ConfigureAwait(false) is null)
                {
                    return Failure(project, arguments, result, name, $"image {image} not found locally and could not be pulled");
                }
            }
        }
        catch (Exception exception) when (exception is ComposeCommandException or FormatException)
        {
            // The configuration itself is broken; compose's own error below says how.
        }

        return Failure(project, arguments, result, service, null);
    }

    /// <summary>Each service's image, from the interpolated config compose prints, for services that do not build their own.</summary>
    private async Task<IReadOnlyList<(string Service, string Image)>> ServiceImagesAsync(ComposeProject project, CancellationToken cancellationToken)
    {
        var config = ComposeFileModel.Parse(await ConfigAsync(project, cancellationToken).ConfigureAwait(false), $"{CommandName} config");
        return config.Services.Where(s => !s.Builds && s.Image is not null).Select(s => (s.Name, s.Image!)).ToList();
    }

    private ComposeCommandException Failure(ComposeProject project, IReadOnlyList<string> arguments, ProcessResult result, string? service, string? cause)
    {
        var command = $"{CommandName} -p {project.Name} {string.Join(' ', arguments)}";
        var error = ErrorLines(result.StandardError);
        var subject = service is null ? "" : $"service \"{service}\": ";
        var message = cause is null
            ? $"{subject}{command} failed (exit code {result.ExitCode}): {error}"
            : $"{subject}{cause} ({command} failed with exit code {result.ExitCode}: {error})";
        return new ComposeCommandException(message, command, result.ExitCode, result.StandardError, service);
    }

    /// <summary>Compose's error lines, without the progress chatter around them.</summary>
    private static string ErrorLines(string standardError)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("invalid", StringComparison.OrdinalIgnoreCase)).ToList();
        var chosen = errors.Count > 0 ? errors : lines.TakeLast(5).ToList();
        return chosen.Count > 0 ? string.Join(" | ", chosen) : "compose printed nothing on stderr";
    }

    internal static string? ExtractService(string standardError)
    {
        string? service = null;
        foreach (var pattern in ServicePatterns)
        {
            foreach (Match match in pattern.Matches(standardError))
            {
                service = match.Groups["service"].Value;
            }

            if (service is not null)
            {
                return service;
            }
        }

        return null;
    }

    private static readonly Regex[] ServicePatterns =
    [
        ForService(),
        CannotStartService(),
        ServiceQuoted(),
        PullingService(),
        ServiceStatusLine(),
    ];

    [GeneratedRegex(@"ERROR: for (?<service>[a-zA-Z0-9._-]+)\s")]
    private static partial Regex ForService();

    [GeneratedRegex(@"Cannot (?:start|create) service (?<service>[a-zA-Z0-9._-]+)")]
    private static partial Regex CannotStartService();

    [GeneratedRegex(@"[Ss]ervice ""?'?(?<service>[a-zA-Z0-9._-]+)""?'?(?: |:)")]
    private static partial Regex ServiceQuoted();

    [GeneratedRegex(@"^Pulling (?<service>[a-zA-Z0-9._-]+) \(", RegexOptions.Multiline)]
    private static partial Regex PullingService();

    // Compose v2 prefixes status lines with a symbol: " ✘ api Error pull access denied".
    [GeneratedRegex(@"^\s*(?:[^\sa-zA-Z0-9]\s+)?(?<service>[a-zA-Z0-9._-]+) (?:Error|Pulling)\b", RegexOptions.Multiline)]
    private static partial Regex ServiceStatusLine();
}
