namespace Smoke.Build.Tests.EndToEnd;

/// <summary>
/// The smoke workflow's merge job, on shards laid out as download-artifact leaves them: each shard's
/// test-results/ holds its merged JUnit files and, under attempts/, each retry's own file.
/// </summary>
[Collection(nameof(BuildRunsCollection))]
public sealed class MergeShardsTests : IDisposable
{
    private readonly string shards = Path.Combine(RepositoryRoot.Path, "artifacts", "shards");

    public void Dispose() => Directory.Delete(shards, recursive: true);

    [Fact]
    public async Task Each_project_counts_once_though_its_shard_kept_the_attempts_beside_it()
    {
        Write("smoke-shard-1/test-results/SmokeTests.Database.junit.xml", passed: 3, failed: 0);
        Write("smoke-shard-1/test-results/attempts/SmokeTests.Database/1/SmokeTests.Database.junit.xml", passed: 2, failed: 1);
        Write("smoke-shard-2/test-results/SmokeTests.EventBus.junit.xml", passed: 2, failed: 0);

        var result = await BuildScriptRun.RunAsync(["MergeShards", "--skip"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Tests: 5 passed, 0 failed, 0 skipped", result.Output, StringComparison.Ordinal);
    }

    private void Write(string relative, int passed, int failed)
    {
        var path = Path.Combine(shards, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var project = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(path));
        var cases = string.Concat(Enumerable.Range(0, passed).Select(i => $"<testcase classname=\"{project}.T\" name=\"passes{i}\" time=\"0.1\" />"))
            + string.Concat(Enumerable.Range(0, failed).Select(i => $"<testcase classname=\"{project}.T\" name=\"fails{i}\" time=\"0.1\"><failure message=\"boom\">boom</failure></testcase>"));
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites tests="{passed + failed}" failures="{failed}" errors="0" skipped="0">
              <testsuite name="{project}" tests="{passed + failed}" failures="{failed}" errors="0" skipped="0" time="1">{cases}</testsuite>
            </testsuites>
            """);
    }
}
