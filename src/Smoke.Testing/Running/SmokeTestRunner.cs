using System.Diagnostics;
using Smoke.Shared;
using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>
/// Builds the smoke test projects once (as part of the run, or ahead of it), then runs them in parallel with the JUnit
/// logger: a timeout per project, quick or full mode, <c>--only</c>, and retries of failed tests. One project's
/// failure never stops the others.
/// </summary>
public sealed class SmokeTestRunner
{
    private readonly SmokeRunOptions _options;

    /// <exception cref="ArgumentException">An option is out of range or the logger directory holds no logger; the message says which.</exception>
    public SmokeTestRunner(SmokeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate() with
        {
            ResultsDirectory = Path.GetFullPath(options.ResultsDirectory),
            LoggerDirectory = Path.GetFullPath(options.LoggerDirectory),
        };
    }

    /// <summary>
    /// Builds the selected projects of <paramref name="projectPaths"/> ahead of their run, in one <c>dotnet build</c>,
    /// without the stack: give the result to <see cref="SmokeRunOptions.Build"/> of the run. A project that does not
    /// compile is no error here; it is in <see cref="SmokeBuildResult.Failures"/> and the run reports it as build failed.
    /// </summary>
    /// <exception cref="FileNotFoundException">A project file does not exist.</exception>
    /// <exception cref="OperationCanceledException">The build was cancelled; the build process has been killed.</exception>
    public async Task<SmokeBuildResult> BuildAsync(IEnumerable<string> projectPaths, CancellationToken cancellationToken)
    {
        var selection = TestSelection.Choose(ExistingProjects(projectPaths), _options.Mode, _options.Only);
        return await BuildAsync(selection, Dotnet(), Mask(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds (unless <see cref="SmokeRunOptions.Build"/> or <see cref="SmokeRunOptions.NoBuild"/> says it is done)
    /// and runs <paramref name="projectPaths"/>; every selected project gets a result, in the order given.
    /// </summary>
    /// <exception cref="FileNotFoundException">A project file does not exist.</exception>
    /// <exception cref="ArgumentException"><see cref="SmokeRunOptions.Build"/> does not cover a selected project; the message names it.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; every process it started has been killed.</exception>
    public async Task<SmokeRunResult> RunAsync(IEnumerable<string> projectPaths, CancellationToken cancellationToken)
    {
        var paths = ExistingProjects(projectPaths);
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var selection = TestSelection.Choose(paths, _options.Mode, _options.Only);
        if (_options.Build is { } given)
        {
            EnsureCovers(given, selection);
        }

        var mask = Mask();
        var dotnet = Dotnet();
        Directory.CreateDirectory(_options.ResultsDirectory);
        var build = _options.Build ?? (_options.NoBuild ? null : await BuildAsync(selection, dotnet, mask, cancellationToken).ConfigureAwait(false));

        using var slots = new SemaphoreSlim(_options.MaxParallel);
        var runs = selection.Selected.Select(async project =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunProjectAsync(project, build?.ProblemOf(project.ProjectPath), dotnet, mask, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        var projects = await Task.WhenAll(runs).ConfigureAwait(false);

        return new SmokeRunResult(projects, start, clock.Elapsed)
        {
            NotSelected = selection.NotSelected,
            Warnings = UnmatchedCategories(selection, projects),
        };
    }

    private static List<string> ExistingProjects(IEnumerable<string> projectPaths)
    {
        ArgumentNullException.ThrowIfNull(projectPaths);
        var paths = projectPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in paths.Where(path => !File.Exists(path)))
        {
            throw new FileNotFoundException($"smoke test project {path} does not exist; check the list of smoke projects (tests/smoke/*/*.csproj)", path);
        }

        return paths;
    }

    private static void EnsureCovers(SmokeBuildResult build, TestSelection selection)
    {
        var missing = selection.Selected.Where(project => !build.Covers(project.ProjectPath)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"smoke runner: the build given as SmokeRunOptions.Build does not cover {string.Join(", ", missing.Select(project => $"{project.Name} ({project.ProjectPath})"))}; "
                + "build it ahead too (SmokeTestRunner.BuildAsync with the run's projects, Mode and Only), or leave Build unset so that the run builds",
                nameof(SmokeRunOptions.Build));
        }
    }

    private async Task<SmokeBuildResult> BuildAsync(TestSelection selection, DotnetCli dotnet, SecretMask mask, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var paths = selection.Selected.Select(project => project.ProjectPath).ToList();
        _options.Progress?.Invoke($"building {paths.Count} smoke test projects");
        var problems = await SmokeProjectBuild.BuildAsync(paths, _options, dotnet, mask, cancellationToken).ConfigureAwait(false);
        return new SmokeBuildResult(paths, problems, _options.Configuration, start, clock.Elapsed);
    }

    private SecretMask Mask() => SecretMask.For(_options.Environment, _options.Secrets);

    private DotnetCli Dotnet() => new(_options.Environment, _options.UseBuildServers);

    private async Task<SmokeProjectResult> RunProjectAsync(
        ProjectSelection project, BuildProblem? buildProblem, DotnetCli dotnet, SecretMask mask, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        try
        {
            return await new SmokeProjectRun(project, _options, dotnet, mask).RunAsync(buildProblem, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A runner fault (a full disk, an unreadable results file) ends this project, never its siblings.
            return new SmokeProjectResult(project.Name, project.ProjectPath, SmokeProjectStatus.Crashed, start, DateTimeOffset.UtcNow - start, [], [])
            {
                Note = mask.Apply($"the runner failed while running {project.Name}: {exception.Message}"),
                Filter = project.Filter,
            };
        }
    }

    /// <summary>An <c>--only</c> name that is neither a project nor a category of any test that ran is most likely a typo.</summary>
    private static List<string> UnmatchedCategories(TestSelection selection, IReadOnlyList<SmokeProjectResult> projects) =>
        selection.Categories
            .Where(category => !projects.SelectMany(project => project.Tests).Any(test => test.HasCategory(category)))
            .Select(category =>
                $"--only \"{category}\" names no smoke project ({string.Join(", ", projects.Select(project => project.Name).Concat(selection.NotSelected))}) "
                + "and no test that ran has that category; check the spelling")
            .ToList();
}
