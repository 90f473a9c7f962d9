using System.Globalization;
using System.Text.RegularExpressions;
using Smoke.Stack.Engine;
using Smoke.Stack.Processes;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Compose;

/// <summary>
/// Runs compose for a <see cref="ComposeProject"/>: <c>docker compose</c> (v2) when the plugin is there, else
/// <c>docker-compose</c> (v1). Every command gets the project name, the env file, the project's files and the
/// session override; containers are found through the engine by compose's labels.
/// </summary>
public sealed partial class ComposeDriver
{
    private readonly DockerEngineClient _engine;
    private readonly IReadOnlyList<string> _command;
    private readonly Action<string>? _log;

    private ComposeDriver(DockerEngineClient engine, ComposeFlavor flavor, string version, IReadOnlyList<string> command, Action<string>? log)
    {
        _engine = engine;
        Flavor = flavor;
        Version = version;
        _command = command;
        _log = log;
    }

    public ComposeFlavor Flavor { get; }

    /// <summary>What <c>version</c> printed, e.g. <c>1.29.2</c>.</summary>
    public string Version { get; }

    /// <summary>How compose is invoked: <c>docker compose</c> or <c>docker-compose</c>.</summary>
    public string CommandName => string.Join(' ', _command);

    /// <summary><c>up -d</c> (with <c>--build</c> when asked). A missing image names the service that wanted it.</summary>
    public async Task UpAsync(ComposeProject project, ComposeUpOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ComposeUpOptions();
        List<string> arguments = ["up", "-d"];
        if (options.Build)
        {
            arguments.Add("--build");
        }

        arguments.AddRange(options.Services);
        var result = await RunAsync(project, arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw await ExplainUpFailureAsync(project, arguments, result, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>down -v --remove-orphans</c>: the project's containers, networks and volumes go, and so does the session
    /// override. Each container gets <paramref name="stopTimeout"/> (default 10 s, as compose's) to stop before it is killed.
    /// </summary>
    public async Task DownAsync(ComposeProject project, TimeSpan? stopTimeout = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Ceiling((stopTimeout ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(stopTimeout));
        await RunCheckedAsync(project, ["down", "-v", "--remove-orphans", "--timeout", seconds.ToString(CultureInfo.InvariantCulture)], cancellationToken)
            .ConfigureAwait(false);
        File.Delete(project.SessionOverrideFile);
        if (Directory.Exists(project.StateDirectory) && !Directory.EnumerateFileSystemEntries(project.StateDirectory).Any())
        {
            Directory.Delete(project.StateDirectory);
        }
    }

    /// <summary>The merged, interpolated configuration as compose prints it.</summary>
    public async Task<string> ConfigAsync(ComposeProject project, CancellationToken cancellationToken = default) =>
        (await RunCheckedAsync(project, ["config"], cancellationToken).ConfigureAwait(false)).StandardOutput;

    /// <summary><c>pull</c> for the given services (all when none).</summary>
    public async Task PullAsync(ComposeProject project, IReadOnlyList<string>? services = null, CancellationToken cancellationToken = default) =>
        await RunCheckedAsync(project, ["pull", .. services ?? []], cancellationToken).ConfigureAwait(false);

    /// <summary>Compose's merged log output (<c>logs --no-color --timestamps</c>).</summary>
    public async Task<string> LogsAsync(ComposeProject project, IReadOnlyList<string>? services = null, int? tail = null, CancellationToken cancellationToken = default)
    {
        List<string> arguments = ["logs", "--no-color", "--timestamps"];
        if (tail is { } lines)
        {
            arguments.AddRange(["--tail", lines.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(services ?? []);
        return (await RunCheckedAsync(project, arguments, cancellationToken, echo: false).ConfigureAwait(false)).StandardOutput;
    }

    /// <summary>The project's containers, found by compose's labels through the engine (one-off <c>run</c> containers included).</summary>
    public async Task<IReadOnlyList<ComposeContainer>> PsAsync(ComposeProject project, CancellationToken cancellationToken = default)
    {
        var containers = await _engine.ListContainersAsync([project.LabelFilter], all: true, cancellationToken).ConfigureAwait(false);
        return containers
            .Select(c => new ComposeContainer(
                c.Labels.GetValueOrDefault(ComposeLabels.Service, ""),
                c.Id,
                c.Name,
                c.State,
                c.Status,
                string.Equals(c.Labels.GetValueOrDefault(ComposeLabels.OneOff), "true", StringComparison.OrdinalIgnoreCase),
                int.TryParse(c.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), CultureInfo.InvariantCulture, out var number) ? number : 1,
                c.Labels,
                c.Ports))
            .OrderBy(c => c.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Number)
            .ToList();
    }

    /// <summary>The arguments before the subcommand: the v2 plugin's name, project, env file and files, then the session override.</summary>
    internal IReadOnlyList<string> GlobalArguments(ComposeProject project)
    {
        List<string> arguments = [.. _command.Skip(1), "--ansi", "never", "-p", project.Name, "--project-directory", project.WorkingDirectory];
        if (project.EnvFile is { } envFile)
        {
            arguments.AddRange(["--env-file", Path.GetFullPath(envFile)]);
        }

        foreach (var file in project.Files)
        {
            arguments.AddRange(["-f", file]);
        }

        arguments.AddRange(["-f", project.SessionOverrideFile]);
        return arguments;
    }

    private async Task<ProcessResult> RunCheckedAsync(ComposeProject project, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool echo = true)
    {
        var result = await RunAsync(project, arguments, cancellationToken, echo).ConfigureAwait(false);
        return result.Succeeded ? result : throw Failure(project, arguments, result, ExtractService(result.StandardError), null);
    }

    private async Task<ProcessResult> RunAsync(ComposeProject project, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool echo = true)
    {
        await SessionOverride.WriteAsync(project, cancellationToken).ConfigureAwait(false);
        var all = GlobalArguments(project).Concat(arguments).ToList();
        _log?.Invoke($"> {CommandName} {string.Join(' ', all.Skip(_command.Count - 1))}");
        var environment = new Dictionary<string, string?>
        {
            // Classic builder: the daemon here (20.10) and the design both expect it.
            ["DOCKER_BUILDKIT"] = "0",
            ["COMPOSE_DOCKER_CLI_BUILD"] = "0",
            ["DOCKER_HOST"] = _engine.Endpoint.ToString(),
        };
        foreach (var (name, value) in project.Variables)
        {
            environment[name] = value;
        }

        return await ExternalProcess.RunAsync(
            _command[0],
            all,
            new ProcessOptions { WorkingDirectory = project.WorkingDirectory, Environment = environment, OnOutput = echo ? _log : null },
            cancellationToken).ConfigureAwait(false);
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
        catch (ComposeCommandException)
        {
            // The configuration itself is broken; compose's own error below says how.
        }

        return Failure(project, arguments, result, service, null);
    }

    /// <summary>Each service's image, from the interpolated config, for services that do not build their own.</summary>
    private async Task<IReadOnlyList<(string Service, string Image)>> ServiceImagesAsync(ComposeProject project, CancellationToken cancellationToken)
    {
        var config = await ConfigAsync(project, cancellationToken).ConfigureAwait(false);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(config));
        var images = new List<(string, string)>();
        if (yaml.Documents[0].RootNode is YamlMappingNode root && root.Children.TryGetValue(new YamlScalarNode("services"), out var services) && services is YamlMappingNode serviceMap)
        {
            foreach (var (key, value) in serviceMap.Children)
            {
                if (value is YamlMappingNode service
                    && !service.Children.ContainsKey(new YamlScalarNode("build"))
                    && service.Children.TryGetValue(new YamlScalarNode("image"), out var image) && image is YamlScalarNode { Value: { } reference })
                {
                    images.Add((((YamlScalarNode)key).Value!, reference));
                }
            }
        }

        return images;
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
