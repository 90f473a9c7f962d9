using Smoke.Build.Workflows;
using Smoke.Pipeline;

namespace Smoke.Build.Tests.Workflows;

public sealed class WorkflowFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("smoke-workflows-").FullName;
    private readonly IReadOnlyDictionary<string, string> files = WorkflowFiles.Render(typeof(WorkflowFixtureBuild), WorkflowFixtureBuild.TargetNames);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string PathOf(string name) => Path.Combine(root, ".github", "workflows", name);

    [Fact]
    public void The_checked_in_workflows_match_the_build()
    {
        var declared = WorkflowFiles.Render(typeof(Build), [.. BuildDescription.Of<Build>().Targets.Select(t => t.Name)]);

        var problems = WorkflowFiles.Check(RepositoryRoot.Path, declared);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(".github/workflows/ci.yml", declared.Keys);
    }

    [Fact]
    public void Freshly_written_workflows_are_up_to_date_and_writing_again_changes_nothing()
    {
        var written = WorkflowFiles.Write(root, files);

        Assert.Equal(files.Keys, written);
        Assert.Empty(WorkflowFiles.Check(root, files));
        Assert.Empty(WorkflowFiles.Write(root, files));
    }

    [Fact]
    public void A_workflow_edited_by_hand_is_stale_at_the_first_changed_line()
    {
        WorkflowFiles.Write(root, files);
        var lines = File.ReadAllLines(PathOf("deploy.yml"));
        var timeout = Array.FindIndex(lines, l => l.Contains("timeout-minutes", StringComparison.Ordinal));
        lines[timeout] = "    timeout-minutes: 5";
        File.WriteAllLines(PathOf("deploy.yml"), lines);

        var problem = Assert.Single(WorkflowFiles.Check(root, files));

        Assert.Equal((".github/workflows/deploy.yml", timeout + 1), (problem.File, problem.Line));
        Assert.Contains("stale", problem.Message, StringComparison.Ordinal);
        Assert.Contains("run ./build.sh --generate-workflows and commit the result", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_workflow_without_its_file_is_stale()
    {
        WorkflowFiles.Write(root, files);
        File.Delete(PathOf("smoke.yml"));

        var problem = Assert.Single(WorkflowFiles.Check(root, files));

        Assert.Equal(".github/workflows/smoke.yml", problem.File);
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_workflow_no_longer_declared_is_stale_and_writing_deletes_it()
    {
        WorkflowFiles.Write(root, files);
        File.Copy(PathOf("smoke.yml"), PathOf("old.yml"));

        var problem = Assert.Single(WorkflowFiles.Check(root, files));
        var changed = WorkflowFiles.Write(root, files);

        Assert.Equal(".github/workflows/old.yml", problem.File);
        Assert.Contains("no longer declared", problem.Message, StringComparison.Ordinal);
        Assert.Equal([".github/workflows/old.yml"], changed);
        Assert.False(File.Exists(PathOf("old.yml")));
    }

    [Fact]
    public void Hand_written_workflows_beside_the_generated_ones_are_left_alone()
    {
        WorkflowFiles.Write(root, files);
        File.WriteAllText(PathOf("release-notes.yml"), "name: release notes\non: workflow_dispatch\n");

        Assert.Empty(WorkflowFiles.Check(root, files));
        Assert.Empty(WorkflowFiles.Write(root, files));
        Assert.True(File.Exists(PathOf("release-notes.yml")));
    }

    [Fact]
    public void Generate_workflows_writes_the_files_and_runs_no_target()
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var working = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
        using var output = new StringWriter();

        var exitCode = WorkflowCommandLine.Run(["--generate-workflows"], typeof(WorkflowFixtureBuild), () => WorkflowFixtureBuild.TargetNames, working, output);

        Assert.Equal(0, exitCode);
        Assert.Equal(files[".github/workflows/deploy.yml"], File.ReadAllText(PathOf("deploy.yml")));
        Assert.Contains(".github/workflows/smoke.yml: written", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_flag_the_build_runs_as_usual()
    {
        using var output = new StringWriter();

        Assert.Null(WorkflowCommandLine.Run(["Test", "--skip"], typeof(WorkflowFixtureBuild), () => WorkflowFixtureBuild.TargetNames, root, output));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Generate_workflows_with_other_arguments_is_invalid_usage()
    {
        using var output = new StringWriter();

        var exitCode = WorkflowCommandLine.Run(["--generate-workflows", "Test"], typeof(WorkflowFixtureBuild), () => WorkflowFixtureBuild.TargetNames, root, output);

        Assert.Equal(2, exitCode);
        Assert.Contains("runs alone", output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, ".github")));
    }
}
