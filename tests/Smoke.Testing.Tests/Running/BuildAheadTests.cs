using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>Building the smoke projects before the stack is up, and running them later from that build.</summary>
[Collection(FixtureProjectsCollection.Name)]
public sealed class BuildAheadTests(FixtureProjects fixtures)
{
    [Fact]
    public async Task Building_ahead_builds_the_selected_projects_and_records_which_did_not_compile()
    {
        var build = await fixtures.BuildAheadAsync();

        Assert.Equal([FixtureProjects.Broken, FixtureProjects.Passing], build.ProjectPaths);
        Assert.False(build.Succeeded);
        var failure = Assert.Single(build.Failures);
        Assert.Equal("Fixture.Broken", failure.Name);
        Assert.Equal(FixtureProjects.Broken, failure.ProjectPath);
        Assert.Contains("Fixture.Broken did not compile", failure.Note, StringComparison.Ordinal);
        Assert.Contains("CS0029", failure.Note, StringComparison.Ordinal);
        Assert.NotEmpty(failure.OutputTail);
        Assert.Equal("Release", build.Configuration);
        Assert.True(build.Duration > TimeSpan.Zero);
        lock (fixtures.BuildAheadProgress)
        {
            Assert.Equal(["building 2 smoke test projects"], fixtures.BuildAheadProgress);
        }
    }

    [Fact]
    public async Task A_run_given_a_build_made_ahead_builds_nothing_and_runs_the_tests()
    {
        var build = await fixtures.BuildAheadAsync();
        var source = Path.Combine(Path.GetDirectoryName(FixtureProjects.Passing)!, "PassingTests.cs");
        var assembly = Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(FixtureProjects.Passing)!, "bin", "Release"), "Fixture.Passing.dll", SearchOption.AllDirectories).Single();
        var built = File.GetLastWriteTimeUtc(assembly);
        var sourceWritten = File.GetLastWriteTimeUtc(source);
        var progress = new List<string>();
        var options = fixtures.Options("run-built-ahead") with { NoBuild = false, Build = build, Progress = line => { lock (progress) { progress.Add(line); } } };

        SmokeRunResult result;
        try
        {
            // A source newer than its assembly: any build now would compile the project again and rewrite the assembly.
            File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
            result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing], CancellationToken.None);
        }
        finally
        {
            File.SetLastWriteTimeUtc(source, sourceWritten);
        }

        var passing = Assert.Single(result.Projects);
        Assert.Equal(SmokeProjectStatus.Passed, passing.Status);
        Assert.Equal(5, passing.Passed);
        Assert.Equal(built, File.GetLastWriteTimeUtc(assembly));
        Assert.DoesNotContain(progress, line => line.StartsWith("building", StringComparison.Ordinal));
        Assert.Contains("Fixture.Passing: started", progress);
    }

    [Fact]
    public async Task A_project_that_did_not_compile_ahead_is_reported_build_failed_and_its_sibling_still_runs()
    {
        var build = await fixtures.BuildAheadAsync();
        var options = fixtures.Options("broken-built-ahead") with { Build = build };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Broken, FixtureProjects.Passing], CancellationToken.None);

        var broken = result.Projects[0];
        Assert.Equal(SmokeProjectStatus.BuildFailed, broken.Status);
        Assert.Equal(build.Failures[0].Note, broken.Note);
        Assert.Equal(build.Failures[0].OutputTail, broken.OutputTail);
        Assert.Equal("[project build failed]", Assert.Single(broken.Tests).DisplayName);
        Assert.True(File.Exists(broken.JUnitFile));
        Assert.Empty(broken.Attempts);
        Assert.Equal(SmokeProjectStatus.Passed, result.Projects[1].Status);
        Assert.Equal(5, result.Projects[1].Passed);
    }

    [Fact]
    public async Task Repeated_runs_given_a_build_made_ahead_report_its_failures_in_every_run()
    {
        var build = await fixtures.BuildAheadAsync();
        var progress = new List<string>();
        var options = fixtures.Options("repeated-built-ahead") with { NoBuild = false, Build = build, Progress = line => { lock (progress) { progress.Add(line); } } };

        var repeated = await RepeatedSmokeRuns.RunAsync(options, [FixtureProjects.Broken, FixtureProjects.Passing], new SmokeRepeatOptions { Runs = 2 }, CancellationToken.None);

        Assert.Equal(2, repeated.Runs.Count);
        Assert.All(repeated.Runs, run =>
        {
            Assert.Equal(SmokeProjectStatus.BuildFailed, run.Projects[0].Status);
            Assert.Equal(SmokeProjectStatus.Passed, run.Projects[1].Status);
        });
        Assert.Equal(SmokeProjectStatus.BuildFailed, repeated.Combined.Projects[0].Status);
        Assert.Equal(SmokeProjectStatus.Passed, repeated.Combined.Projects[1].Status);
        Assert.DoesNotContain(progress, line => line.StartsWith("building", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_is_refused_before_it_starts_when_the_build_made_ahead_does_not_cover_a_selected_project()
    {
        var build = await fixtures.BuildAheadAsync();
        var options = fixtures.Options("not-covered") with { Build = build };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing, FixtureProjects.Failing], CancellationToken.None));

        Assert.Contains($"does not cover Fixture.Failing ({FixtureProjects.Failing})", error.Message, StringComparison.Ordinal);
        Assert.Contains("SmokeTestRunner.BuildAsync", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Fixture.Passing", error.Message, StringComparison.Ordinal);
        Assert.Equal("Build", error.ParamName);
        Assert.False(Directory.Exists(options.ResultsDirectory));
    }

    [Fact]
    public async Task A_build_made_ahead_in_another_configuration_is_refused()
    {
        var build = await fixtures.BuildAheadAsync();
        var options = fixtures.Options("other-configuration") with { Build = build, Configuration = "Debug" };

        var error = Assert.Throws<ArgumentException>(() => new SmokeTestRunner(options));

        Assert.Contains("made with Configuration Release and this run uses Debug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Building_ahead_refuses_a_missing_project_with_its_path()
    {
        var missing = Path.Combine(FixtureProjects.FixturesDirectory, "Nope", "Nope.csproj");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => new SmokeTestRunner(fixtures.Options("build-missing")).BuildAsync([FixtureProjects.Passing, missing], CancellationToken.None));

        Assert.Equal($"smoke test project {missing} does not exist; check the list of smoke projects (tests/smoke/*/*.csproj)", error.Message);
        Assert.Equal(missing, error.FileName);
    }
}
