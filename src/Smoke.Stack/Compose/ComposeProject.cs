using Smoke.Stack.Sessions;

namespace Smoke.Stack.Compose;

/// <summary>
/// One compose project of one run: its files, env file, extra variables (e.g. the image tags from the Images
/// step) and the session whose labels every container, network and volume gets.
/// </summary>
public sealed record ComposeProject
{
    public ComposeProject(IReadOnlyList<string> files, StackSession session, string? name = null)
    {
        if (files.Count == 0)
        {
            throw new ArgumentException("a compose project needs at least one compose file, e.g. docker-compose.services.yml", nameof(files));
        }

        Files = files.Select(Path.GetFullPath).ToList();
        Session = session;
        Name = ComposeProjectName.Normalize(name ?? ComposeProjectName.ForRun(session.RunId));
        WorkingDirectory = Path.GetDirectoryName(Files[0])!;
        StateDirectory = Path.Combine(Path.GetTempPath(), "smoke", Name);
    }

    private ComposeFileModel? _model;

    public string Name { get; }

    public IReadOnlyList<string> Files { get; }

    public StackSession Session { get; }

    /// <summary>The compose files, read once: the first time something asks, unless the caller hands a model it has read.</summary>
    public ComposeFileModel Model
    {
        get => _model ??= ComposeFileModel.Read(Files);
        init => _model = value;
    }

    /// <summary>Passed as <c>--env-file</c> when set.</summary>
    public string? EnvFile { get; init; }

    /// <summary>Variables for compose's interpolation, e.g. <c>POSTGRES_IMAGE=smoke/postgres:ab12</c>.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The project directory (compose resolves relative paths from it): the first file's folder unless set.</summary>
    public string WorkingDirectory { get; init; }

    /// <summary>Where the run's generated files (the session override) go; the pipeline points it under .nuke/temp.</summary>
    public string StateDirectory { get; init; }

    /// <summary>
    /// A stack the run throws away: once a service is healthy, its healthcheck runs every 10 s, leaving the cores to the
    /// tests, where compose and the engine allow it (<see cref="QuietHealthchecks"/>). Never for an environment's stack.
    /// </summary>
    public bool QuietHealthchecks { get; init; }

    public string SessionOverrideFile => Path.Combine(StateDirectory, "session.override.yml");

    /// <summary>The engine label filter for this project's containers, networks and volumes.</summary>
    public string LabelFilter => $"{ComposeLabels.Project}={Name}";
}
