using System.Globalization;
using System.Text;
using Smoke.Build.Docs;
using Smoke.Build.Packaging;
using Smoke.Build.Workflows;
using Smoke.Pipeline;
using Smoke.Testing.Results;

namespace Smoke.Build;

/// <summary>
/// What the repository ships besides the pipeline run: the documentation site, the NuGet packages, the GitHub Actions
/// workflows generated from the attributes below, and Ci, which runs everything a push should.
/// </summary>
[GitHubWorkflow(
    "ci",
    OnPushBranches = ["main"],
    OnPullRequestBranches = ["main"],
    OnWorkflowDispatch = true,
    InvokedTargets = [nameof(Ci)],
    Artifacts = ["artifacts/test-results", "artifacts/smoke", "artifacts/docs", "artifacts/packages"],
    TimeoutMinutes = 60,
    CancelInProgress = true)]
[GitHubWorkflow(
    "smoke",
    OnPushBranches = ["release/**"],
    OnWorkflowDispatch = true,
    InvokedTargets = [nameof(Smoke)],
    Shards = 2,
    MergeTargets = [nameof(MergeShards)],
    Artifacts = ["artifacts/test-results", "artifacts/smoke"],
    TimeoutMinutes = 45)]
internal sealed partial class Build
{
    [Parameter("Run only shard i of n of the smoke projects, as i/n (1/2 and 2/2 split them in two); the smoke workflow's matrix jobs pass it")]
    public string? Shard { get; set; }

    [Parameter("Repository URL stamped into the packages; default: the git remote 'origin', or the repository on GitHub Actions")]
    public string? RepositoryUrl { get; set; }

    [Parameter("Version of the packages Pack writes; default: the projects' own")]
    public string? PackageVersion { get; set; }

    /// <summary>The part of the smoke projects this run takes (<c>--shard 2/3</c>); all of them without <c>--shard</c>.</summary>
    SmokeShard SmokeShard => Shard is { Length: > 0 } text ? SmokeShard.Parse(text) : SmokeShard.All;

    string DocsDirectory => Path.Combine(RootDirectory, "docs");

    string PackagesDirectory => Path.Combine(ArtifactsDirectory, "packages");

    Target Docs => _ => _
        .Description("Render docs/ into artifacts/docs/; broken links, missing anchors and pages outside the navigation fail it")
        .After(Compile) // Ci runs its quick checks first, in this order: compile, docs, packages, workflows
        .Executes(() =>
        {
            var problems = new List<SourceProblem>();
            var pages = ReferencePages.Render(BuildDescription.Of<Build>());
            if (IsServerBuild)
            {
                problems.AddRange(ReferencePages.Check(RootDirectory, DocsDirectory, pages, "run ./build.sh Docs locally and commit the page"));
            }
            else
            {
                foreach (var page in ReferencePages.Write(DocsDirectory, pages))
                {
                    Log.Info($"docs/{page}: regenerated from the build; commit it");
                }
            }

            var output = Path.Combine(ArtifactsDirectory, "docs");
            var site = DocsSite.Build(RootDirectory, DocsDirectory, output);
            problems.AddRange(site.Problems);
            Fail(problems, "the docs");
            Log.Success($"{site.Pages.Count} pages written to {Path.GetRelativePath(RootDirectory, output)}/");
        });

    Target Pack => _ => _
        .Description("Pack the libraries into artifacts/packages/ with README, symbols and SourceLink, and check each package")
        .After(Docs)
        .Executes(async ct =>
        {
            if (Directory.Exists(PackagesDirectory))
            {
                Directory.Delete(PackagesDirectory, recursive: true);
            }

            var origin = await GitAsync(["remote", "get-url", "origin"], ct);
            var hostedOrigin = SourceLinkRemote.CanMap(origin) ? origin : null;
            var repository = RepositoryUrl is { Length: > 0 } given ? given : hostedOrigin ?? GitHubRepositoryUrl();
            if (repository is null)
            {
                Log.Warn($"The packages get no repository URL and no SourceLink: this checkout's git remote 'origin' is {(origin is null ? "missing" : $"a local clone ({origin})")}. "
                    + "Add a hosted one (git remote add origin https://github.com/<owner>/<repo>) or pass --repository-url.");
            }

            var timestamp = long.TryParse(await GitAsync(["log", "-1", "--format=%ct"], ct), CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : (long?)null;
            var settings = new PackSettings(PackagesDirectory, PackageVersion, RepositoryUrl, timestamp);
            foreach (var project in PackedProject.All)
            {
                Log.Info($"packing {project.Id}");
                await LibraryPacker.PackAsync(DotNet, RootDirectory, project, settings, ct);
            }

            var packed = PackedProject.All.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var problems = PackedProject.All.SelectMany(project => PackageValidator.Validate(
                PackagesDirectory,
                new PackageExpectation(
                    project,
                    PackageVersion,
                    HasXmlDocs: File.Exists(Path.Combine(project.OutputDirectory(RootDirectory), project.Id + ".xml")),
                    SourceLinked: SourceLinkRemote.CanMap(origin),
                    RepositoryUrl: repository,
                    packed)))
                .ToList();
            problems.ForEach(problem => Log.Error(problem));
            if (problems.Count > 0)
            {
                throw new BuildFailedException(
                    $"{problems.Count} package problem(s) in {Path.GetRelativePath(RootDirectory, PackagesDirectory)}/; each is listed above");
            }

            Log.Success($"{packed.Count} packages written to {Path.GetRelativePath(RootDirectory, PackagesDirectory)}/ and checked");
        });

    Target CheckWorkflows => _ => _
        .Description($"Fail when .github/workflows/ differs from the [GitHubWorkflow] attributes of the build ({WorkflowYaml.GenerateCommand} fixes it)")
        .DependentFor(Test)
        .After(Pack)
        .Before(ValidateConfig)
        .Executes(() =>
        {
            var files = WorkflowFiles.Render(typeof(Build), TargetNames());
            Fail(WorkflowFiles.Check(RootDirectory, files), "the workflows");
            Log.Success($"{files.Count} workflow(s) up to date");
        });

    Target MergeShards => _ => _
        .Description("Merge the JUnit files of the sharded smoke jobs (artifacts/shards/) into artifacts/test-results/ and total them")
        .Executes(async ct =>
        {
            var shards = Path.Combine(RootDirectory, WorkflowYaml.ShardsDirectory);
            // A shard's test-results/attempts/ keeps each retry's own file beside the merged one: only the merged count.
            var files = Directory.Exists(shards)
                ? Directory.GetFiles(shards, "*.junit.xml", SearchOption.AllDirectories)
                    .Where(file => !Path.GetRelativePath(shards, file).Split(Path.DirectorySeparatorChar).Contains("attempts"))
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            if (files.Count == 0)
            {
                throw new BuildFailedException(
                    $"No JUnit files under {WorkflowYaml.ShardsDirectory}/: every shard failed before running tests, or their artifacts were not downloaded there; see the shard jobs' logs");
            }

            Directory.CreateDirectory(TestResultsDirectory);
            var summary = new StringBuilder("## Smoke tests, all shards\n\n| Project | Passed | Failed | Skipped |\n| --- | --- | --- | --- |\n");
            var totals = new TestTotals(0, 0, 0);
            foreach (var group in files.GroupBy(Path.GetFileName, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    throw new BuildFailedException(
                        $"{group.Key} came from more than one shard ({string.Join(", ", group.Select(f => Path.GetRelativePath(RootDirectory, f)))}): a project ran twice, so the shards overlap");
                }

                var file = group.Single();
                File.Copy(file, Path.Combine(TestResultsDirectory, group.Key!), overwrite: true);
                foreach (var suite in await JUnitReader.ReadFileAsync(file, ct))
                {
                    totals += new TestTotals(suite.Passed, suite.Failed, suite.Skipped);
                    summary.Append(CultureInfo.InvariantCulture, $"| {suite.Project} | {suite.Passed} | {suite.Failed} | {suite.Skipped} |\n");
                }
            }

            summary.Append(CultureInfo.InvariantCulture, $"\n{totals}\n");
            await Log.SummaryAsync(summary.ToString(), ct);

            Log.Info(totals.ToString());
            if (totals.Failed > 0)
            {
                throw new BuildFailedException($"{totals.Failed} smoke test(s) failed across the shards; the JUnit files are in {Path.GetRelativePath(RootDirectory, TestResultsDirectory)}/");
            }
        });

    Target Ci => _ => _
        .Description("Everything a push runs: Compile, Test, Docs, Pack and Smoke; the same artifacts on a laptop as on CI")
        .DependsOn(Compile, Test, Docs, Pack, Smoke);

    /// <summary>
    /// Handles <c>./build.sh --generate-workflows</c> before the engine parses the arguments; null means "run the build".
    /// Main calls it first: <c>GenerateWorkflowsWhenAsked(args) ?? Execute&lt;Build&gt;(args, x =&gt; x.Smoke)</c>.
    /// </summary>
    internal static int? GenerateWorkflowsWhenAsked(string[] args) =>
        WorkflowCommandLine.Run(args, typeof(Build), TargetNames, Directory.GetCurrentDirectory(), Console.Out);

    static IReadOnlyCollection<string> TargetNames() => [.. BuildDescription.Of<Build>().Targets.Select(t => t.Name)];

    static void Fail(IReadOnlyList<SourceProblem> problems, string what)
    {
        foreach (var problem in problems)
        {
            Log.Error(problem.Message, problem.File, problem.Line);
        }

        if (problems.Count > 0)
        {
            throw new BuildFailedException($"{problems.Count} problem(s) in {what}; each is listed above with its file and line");
        }
    }

    static string? GitHubRepositoryUrl() =>
        Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? $"{Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}"
            : null;

    async Task<string?> GitAsync(string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Tool.RunAsync("git", arguments, workingDirectory: RootDirectory, quiet: true, allowFailure: true, cancellationToken: cancellationToken);
            return result.ExitCode == 0 && result.Output.FirstOrDefault()?.Trim() is { Length: > 0 } line ? line : null;
        }
        catch (ToolFailedException)
        {
            return null;
        }
    }
}
