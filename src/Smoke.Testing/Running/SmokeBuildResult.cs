namespace Smoke.Testing.Running;

/// <summary>
/// Smoke test projects built ahead of their run by <see cref="SmokeTestRunner.BuildAsync"/>, e.g. while the stack is
/// still coming up. Given as <see cref="SmokeRunOptions.Build"/>, the run builds nothing and reports each project
/// that did not compile as <see cref="SmokeProjectStatus.BuildFailed"/>, as if it had built them itself.
/// </summary>
public sealed record SmokeBuildResult
{
    internal SmokeBuildResult(
        IReadOnlyList<string> projectPaths, IReadOnlyDictionary<string, BuildProblem> problems, string configuration, DateTimeOffset start, TimeSpan duration)
    {
        ProjectPaths = projectPaths;
        Failures = projectPaths.Where(problems.ContainsKey).Select(path => new SmokeBuildFailure(path, problems[path])).ToList();
        Configuration = configuration;
        Start = start;
        Duration = duration;
    }

    /// <summary>The projects the build covers (the selected ones), as full paths, in the order given.</summary>
    public IReadOnlyList<string> ProjectPaths { get; }

    /// <summary>The projects that did not build, in the order of <see cref="ProjectPaths"/>; empty when every one built.</summary>
    public IReadOnlyList<SmokeBuildFailure> Failures { get; }

    /// <summary>The build configuration; a run given this build must use the same <see cref="SmokeRunOptions.Configuration"/>.</summary>
    public string Configuration { get; }

    /// <summary>When the build started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How long the one <c>dotnet build</c> took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>True when every project built.</summary>
    public bool Succeeded => Failures.Count == 0;

    internal bool Covers(string projectPath) => ProjectPaths.Contains(projectPath, StringComparer.Ordinal);

    internal BuildProblem? ProblemOf(string projectPath) =>
        Failures.FirstOrDefault(failure => string.Equals(failure.ProjectPath, projectPath, StringComparison.Ordinal))?.Problem;
}
