using System.Globalization;
using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Processes;

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
    /// <remarks>
    /// A network that still has a container attached cannot go. That happens after an <c>up</c> cut short (Ctrl+C,
    /// a timeout): the engine may still be creating or starting a container compose asked for. Compose v1 then fails,
    /// and v2 says "Resource is still in use" and exits 0. Either way <c>down</c> runs again after each of
    /// <see cref="NetworkInUseRetryDelays"/>; a container that still holds the network after that is named in the error.
    /// </remarks>
    public async Task DownAsync(ComposeProject project, TimeSpan? stopTimeout = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Ceiling((stopTimeout ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(stopTimeout));
        List<string> arguments = ["down", "-v", "--remove-orphans", "--timeout", seconds.ToString(CultureInfo.InvariantCulture)];
        for (var attempt = 0; ; attempt++)
        {
            var result = await RunAsync(project, arguments, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && !IsNetworkInUse(result.StandardError))
            {
                throw Failure(project, arguments, result, ExtractService(result.StandardError), null);
            }

            var networks = await _engine.ListNetworksAsync([project.LabelFilter], cancellationToken).ConfigureAwait(false);
            if (networks.Count == 0)
            {
                break;
            }

            if (attempt == NetworkInUseRetryDelays.Count)
            {
                throw await NetworkInUseFailureAsync(project, arguments, result, networks, cancellationToken).ConfigureAwait(false);
            }

            var delay = NetworkInUseRetryDelays[attempt];
            _log?.Invoke($"network {networks[0].Name} of project {project.Name} still has a container attached; running down again in {delay.TotalSeconds:0} s");
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

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
        var quietHealthchecks = project.QuietHealthchecks
            && QuietHealthchecks.Supported(Flavor, Version, await _engine.NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false));
        await SessionOverride.WriteAsync(project, quietHealthchecks, cancellationToken).ConfigureAwait(false);
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
}
