using System.Diagnostics;
using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>
/// Builds the smoke test projects once, then runs them in parallel with the JUnit logger: a timeout per project,
/// quick or full mode, <c>--only</c>, and retries of failed tests. One project's failure never stops the others.
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

    /// <summary>Builds and runs <paramref name="projectPaths"/>; every selected project gets a result, in the order given.</summary>
    /// <exception cref="FileNotFoundException">A project file does not exist.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; every process it started has been killed.</exception>
    public async Task<SmokeRunResult> RunAsync(IEnumerable<string> projectPaths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectPaths);
        var paths = projectPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in paths.Where(path => !File.Exists(path)))
        {
            throw new FileNotFoundException($"smoke test project {path} does not exist; check the list of smoke projects (tests/smoke/*/*.csproj)", path);
        }

        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var selection = TestSelection.Choose(paths, _options.Mode, _options.Only);
        var mask = SecretMask.For(_options.Environment, _options.Secrets);
        var dotnet = new DotnetCli(_options.Environment, _options.UseBuildServers);
        Directory.CreateDirectory(_options.ResultsDirectory);

        IReadOnlyDictionary<string, BuildProblem> buildProblems = new Dictionary<string, BuildProblem>();
        if (!_options.NoBuild)
        {
            _options.Progress?.Invoke($"building {selection.Selected.Count} smoke test projects");
            buildProblems = await SmokeProjectBuild.BuildAsync(
                    selection.Selected.Select(project => project.ProjectPath).ToList(), _options, dotnet, mask, cancellationToken)
                .ConfigureAwait(false);
        }

        using var slots = new SemaphoreSlim(_options.MaxParallel);
        var runs = selection.Selected.Select(async project =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunProjectAsync(project, buildProblems.GetValueOrDefault(project.ProjectPath), dotnet, mask, cancellationToken)
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
