using Smoke.Build.Rehearsal;
using System.Xml.Linq;
using Smoke.Pipeline;
using Smoke.Stack.Installation;

namespace Smoke.Build;

/// <summary>Smoke's own tests: every tests/*.Tests project, one after the other, with TRX results and coverage merged across them.</summary>
internal sealed partial class Build
{
    [Parameter("Longest a single test project may run before it is killed and reported as hung")]
    public TimeSpan TestProjectTimeout { get; set; } = TimeSpan.FromMinutes(15);

    string TestResultsDirectory => Path.Combine(ArtifactsDirectory, "test-results");

    TestTotals? ownTestTotals;

    Target Test => _ => _
        .Description("Run Smoke's own test projects with the coverage gate and print 'Tests: N passed, N failed, N skipped'")
        .DependsOn(Compile, Images, EnsureTestTools, RehearsalRig)
        .After(Smoke) // in Ci, our own tests (which drive Docker too) start once the smoke stack is down
        .Executes(async ct =>
        {
            Directory.CreateDirectory(TestResultsDirectory);
            var rawCoverage = Path.Combine(CoverageDirectory, "raw");
            if (Directory.Exists(rawCoverage))
            {
                Directory.Delete(rawCoverage, recursive: true);
            }

            var totals = new TestTotals(0, 0, 0);
            var broken = new List<string>();
            foreach (var pass in TestProjects().Select(project => new TestPass(project, Path.GetFileNameWithoutExtension(project))))
            {
                var (passTotals, problem) = await RunTestPassAsync(pass, rawCoverage, ct);
                totals += passTotals;
                broken.AddRange(problem is null ? [] : [problem]);
            }

            // The second passes wait on two different engines and composes, so they share the cores at once.
            foreach (var (passTotals, problem) in await Task.WhenAll(SecondPasses().Select(pass => RunTestPassAsync(pass, rawCoverage, ct))))
            {
                totals += passTotals;
                broken.AddRange(problem is null ? [] : [problem]);
            }

            ownTestTotals = totals;
            var coverageFailure = NoCoverage ? null : await ApplyCoverageGateAsync(rawCoverage, ct);
            var failures = new List<string>(broken);
            if (totals.Failed > 0)
            {
                failures.Insert(0, $"{totals.Failed} test(s) failed; results are in {Path.GetRelativePath(RootDirectory, TestResultsDirectory)}/");
            }

            if (coverageFailure is not null)
            {
                failures.Add(coverageFailure);
            }

            if (failures.Count > 0)
            {
                throw new BuildFailedException(string.Join("; ", failures));
            }
        });

    /// <summary>
    /// After every test project ran on this machine's engine with Compose v2: the engine-facing tests again on Docker
    /// Engine 26, and the compose-facing ones on Compose v1, so that neither world regresses (docs/ci.md).
    /// </summary>
    IEnumerable<TestPass> SecondPasses()
    {
        if (!CanRehearse)
        {
            Log.Warn("the second passes (Engine 26, Compose v1) and RunnerSmoke need the rehearsal rig, which is built as root outside GitHub Actions: skipped here (docs/ci.md)");
            yield break;
        }

        var stack = Path.Combine(RootDirectory, "tests", "Smoke.Stack.Tests", "Smoke.Stack.Tests.csproj");
        yield return new TestPass(stack, "Smoke.Stack.Tests.Engine26")
        {
            Filter = "FullyQualifiedName~Smoke.Stack.Tests.Engine.|FullyQualifiedName~Smoke.Stack.Tests.Readiness.|FullyQualifiedName~Smoke.Stack.Tests.Sessions.|FullyQualifiedName~Smoke.Stack.Tests.Compose.QuietHealthcheckTests.On_a_real_engine",
            Environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = Engine26.Endpoint.ToString(), ["SMOKE_BASE_IMAGE"] = Engine26TestBase, ["SMOKE_EXPECT_ENGINE"] = "26." },
        };
        yield return new TestPass(stack, "Smoke.Stack.Tests.ComposeV1")
        {
            Filter = "FullyQualifiedName~Smoke.Stack.Tests.Compose.ComposeDriverTests|FullyQualifiedName~Smoke.Stack.Tests.Compose.QuietHealthcheckTests.On_a_real_engine|FullyQualifiedName~Smoke.Stack.Tests.Sessions.SessionSweeperTests|FullyQualifiedName~Smoke.Stack.Tests.Readiness.ComposeReadinessTests",
            Environment = new Dictionary<string, string?> { ["SMOKE_COMPOSE"] = "V1", ["SMOKE_EXPECT_COMPOSE"] = "1." },
        };
    }

    async Task<(TestTotals Totals, string? Problem)> RunTestPassAsync(TestPass pass, string rawCoverage, CancellationToken cancellationToken)
    {
        var trx = Path.Combine(TestResultsDirectory, $"{pass.Name}.trx");
        File.Delete(trx);
        List<string> arguments =
        [
            "test", pass.Project, "--no-build", "-nologo", "-c", Configuration,
            "--logger", $"trx;LogFileName={trx}",
            "--blame-hang", "--blame-hang-timeout", $"{(int)TestProjectTimeout.TotalMinutes}m",
        ];
        if (pass.Filter is not null)
        {
            arguments.AddRange(["--filter", pass.Filter]);
        }

        // A filtered pass repeats tests the full pass measured: coverage comes from the full passes only.
        arguments.AddRange(NoCoverage || pass.Filter is not null ? ["--results-directory", TestResultsDirectory] : CoverageArguments(Path.Combine(rawCoverage, pass.Name)));
        var environment = TestEnvironment();
        foreach (var (name, value) in pass.Environment)
        {
            environment[name] = value;
        }

        var result = await Tool.RunAsync(DotNet, arguments, environment: environment, allowFailure: true, cancellationToken: cancellationToken);
        if (!File.Exists(trx))
        {
            return (new TestTotals(0, 0, 0), $"{pass.Name} produced no results (exit code {result.ExitCode}); its output is above");
        }

        var totals = ReadTrxTotals(trx);
        Log.Info($"{pass.Name}: {totals}");
        return (totals, result.ExitCode != 0 && totals.Failed == 0 ? $"{pass.Name} exited with code {result.ExitCode} although no test failed (crash or hang); its output is above" : null);
    }

    /// <summary>Tools our own tests drive besides Docker: Chromium renders the HTML report.</summary>
    Target EnsureTestTools => _ => _
        .Description("Install what the tests drive besides Docker (Chromium for the HTML report) where allowed")
        .Unlisted()
        .OnlyWhenStatic(() => !File.Exists("/usr/bin/chromium"))
        .After(Smoke, RehearsalRig) // installs just before Test, not ahead of the smoke run
        .Requires(() => !NoInstall, "Chromium is missing at /usr/bin/chromium and --no-install forbids installing it: install the Debian package `chromium`, then run ./build.sh Test again")
        .Executes(async ct =>
        {
            await new DebianPackageInstaller(Log.Info).InstallAsync(["chromium"], ct);
            Log.Info("installed chromium");
        });

    /// <summary>The tests reach the images the Images target made through the same variables compose uses.</summary>
    Dictionary<string, string?> TestEnvironment() =>
        imageVariables.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);

    IEnumerable<string> TestProjects() =>
        Directory.EnumerateDirectories(Path.Combine(RootDirectory, "tests"), "*.Tests")
            .Select(directory => Path.Combine(directory, Path.GetFileName(directory) + ".csproj"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);

    /// <remarks>
    /// TRX, not our JUnit logger: test projects that reference Smoke.JUnit.TestLogger have it in their output folder,
    /// where VSTest loads it as a logger and coverlet rewrites it in place to measure it, which loses the results.
    /// </remarks>
    static TestTotals ReadTrxTotals(string path)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = XDocument.Load(path).Descendants(ns + "Counters").Single();
        int Count(string attribute) => int.Parse((string?)counters.Attribute(attribute) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        return new TestTotals(Count("passed"), failed, Count("notExecuted"));
    }

    protected override void OnBuildFinished()
    {
        if (ownTestTotals is { } totals)
        {
            Console.WriteLine(totals.ToString());
        }
    }
}
