using System.Text.Json;
using Smoke.Release.Tests.ChildProcess;

namespace Smoke.Release.Tests.State;

public sealed class ReleaseStateStoreTests : IDisposable
{
    private readonly ReleaseRoot _root = new();
    private readonly ManualTime _time = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_environment_never_deployed_reads_as_empty_state()
    {
        var state = await Store().ReadAsync("staging", CancellationToken.None);

        Assert.Equal("staging", state.Environment);
        Assert.Null(state.Current);
        Assert.Null(state.LastKnownGood);
        Assert.Empty(state.History);
    }

    [Fact]
    public async Task Written_state_reads_back_the_same()
    {
        var good = Releases.Record("v41") with { GitSha = "abc123", FinishedAt = _time.GetUtcNow().AddMinutes(3) };
        var failed = Releases.Record("v42", ReleaseVerdict.Failed) with { Reason = "1 critical test failed: Checks.Login_works" };

        await WriteAsync(new ReleaseState("staging") { Current = failed, LastKnownGood = good, History = [failed, good] });
        var read = await Store().ReadAsync("staging", CancellationToken.None);

        Assert.Equal(1, read.SchemaVersion);
        Assert.Equal(_time.GetUtcNow(), read.UpdatedAt);
        Assert.Equal(("v42", ReleaseVerdict.Failed, "1 critical test failed: Checks.Login_works"), (read.Current!.Release, read.Current.Verdict, read.Current.Reason));
        Assert.Equal(("v41", "abc123", good.FinishedAt), (read.LastKnownGood!.Release, read.LastKnownGood.GitSha, read.LastKnownGood.FinishedAt));
        Assert.Equal("smoke/worker:v41", read.LastKnownGood.Images["worker"]);
        Assert.Equal(["v42", "v41"], read.History.Select(record => record.Release));
    }

    [Fact]
    public async Task The_state_file_is_camel_case_json_with_a_schema_version_and_named_verdicts()
    {
        var record = Releases.Record("v41");
        await WriteAsync(new ReleaseState("staging") { Current = record, LastKnownGood = record, History = [record] });

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(_root.File("staging.json")));
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("staging", root.GetProperty("environment").GetString());
        Assert.Equal("Passed", root.GetProperty("current").GetProperty("verdict").GetString());
        Assert.Equal("Deploy", root.GetProperty("lastKnownGood").GetProperty("action").GetString());
        Assert.Equal("smoke/api:v41", root.GetProperty("history")[0].GetProperty("images").GetProperty("api").GetString());
        Assert.False(root.TryGetProperty("isDegraded", out _));
    }

    [Fact]
    public async Task Each_write_keeps_the_previous_good_file_as_bak()
    {
        await WriteAsync(new ReleaseState("staging") { History = [Releases.Record("v1")] });
        var first = await File.ReadAllTextAsync(_root.File("staging.json"));

        await WriteAsync(new ReleaseState("staging") { History = [Releases.Record("v2")] });

        Assert.Equal(first, await File.ReadAllTextAsync(_root.File("staging.json.bak")));
        Assert.Contains("\"v2\"", await File.ReadAllTextAsync(_root.File("staging.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_is_bounded_newest_first_but_current_and_last_known_good_are_always_kept()
    {
        var store = Store(historyLimit: 3);
        var good = Releases.Record("v1");
        var history = Enumerable.Range(1, 10).Reverse().Select(number => Releases.Record($"v{number}", ReleaseVerdict.Failed)).ToList();

        await using (var held = await store.AcquireLockAsync("staging", "test", CancellationToken.None))
        {
            var written = await held.WriteStateAsync(new ReleaseState("staging") { Current = history[0], LastKnownGood = good, History = history }, CancellationToken.None);
            Assert.Equal(3, written.History.Count);
        }

        var read = await store.ReadAsync("staging", CancellationToken.None);
        Assert.Equal(["v10", "v9", "v8"], read.History.Select(record => record.Release));
        Assert.Equal("v1", read.LastKnownGood!.Release);
    }

    [Fact]
    public async Task A_partial_write_left_by_a_crash_is_ignored_by_readers_and_removed_under_the_lock()
    {
        var record = Releases.Record("v41");
        await WriteAsync(new ReleaseState("staging") { Current = record, History = [record] });
        var leftover = _root.File("staging.json.4242-0123456789abcdef.tmp");
        await File.WriteAllTextAsync(leftover, "{ \"schemaVersion\": 1, \"environment\": \"sta");
        var otherEnvironment = _root.File("staging-eu.json.4242-0123456789abcdef.tmp");
        await File.WriteAllTextAsync(otherEnvironment, "{");

        Assert.Equal("v41", (await Store().ReadAsync("staging", CancellationToken.None)).Current!.Release);
        await using var held = await Store().AcquireLockAsync("staging", "test", CancellationToken.None);

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(otherEnvironment));
        Assert.Contains(held.Notices, notice => notice.Contains(leftover, StringComparison.Ordinal) && notice.Contains("unfinished write", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_writer_killed_in_the_middle_of_writing_leaves_a_whole_state_file()
    {
        await using (var writer = ChildProcessRun.Start("write-forever", _root.Path, "staging"))
        {
            await writer.WaitForLineAsync(line => line == "wrote 30");
            await writer.KillAsync();
        }

        var state = await Store().ReadAsync("staging", CancellationToken.None);
        Assert.True(state.History.Count >= 30, $"history has {state.History.Count} records");
        Assert.Equal(state.History[0].Id, state.Current!.Id);
        Assert.Equal(
            Enumerable.Range(1, state.History.Count).Reverse().Select(number => $"v{number}"),
            state.History.Select(record => record.Release));

        await using var held = await Store().AcquireLockAsync("staging", "test", CancellationToken.None);
        Assert.Empty(Directory.EnumerateFiles(_root.Releases, "*.tmp"));
        Assert.NotNull(held.TookOverFrom);
    }

    [Fact]
    public async Task A_corrupt_file_is_an_error_naming_it_and_the_backup_to_restore()
    {
        var good = Releases.Record("v41");
        await WriteAsync(new ReleaseState("staging") { Current = good, LastKnownGood = good, History = [good] });
        await WriteAsync(new ReleaseState("staging") { Current = good, LastKnownGood = good, History = [good] });
        await File.WriteAllTextAsync(_root.File("staging.json"), "{\n  \"schemaVersion\": 1,\n  \"environment\": \"staging\",\n  \"current\": {\"id\": ");

        var error = await Assert.ThrowsAsync<ReleaseStateCorruptException>(() => Store().ReadAsync("staging", CancellationToken.None));

        Assert.Equal(_root.File("staging.json"), error.FilePath);
        Assert.Equal(_root.File("staging.json.bak"), error.BackupPath);
        Assert.Contains($"release state of environment \"staging\" in {_root.File("staging.json")} cannot be read: it is not valid release state JSON at line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains($"`cp '{_root.File("staging.json.bak")}' '{_root.File("staging.json")}'`", error.Message, StringComparison.Ordinal);
        Assert.Contains("written 2026-11-21 18:40:00Z, current release v41, last known good v41", error.Message, StringComparison.Ordinal);
        Assert.Contains($"delete '{_root.File("staging.json")}' to start the environment fresh", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[1, 2]", "it is not a JSON object")]
    [InlineData("{\"environment\": \"staging\"}", "it has no schemaVersion")]
    [InlineData("{\"schemaVersion\": 0, \"environment\": \"staging\"}", "its schemaVersion 0 is not one Smoke ever wrote")]
    [InlineData("{\"schemaVersion\": 1, \"environment\": \"prod\"}", "it belongs to environment \"prod\", not \"staging\"")]
    [InlineData("{\"schemaVersion\": 1}", "it is not valid release state JSON")]
    [InlineData("{\"schemaVersion\": 1, \"environment\": \"staging\", \"current\": {\"id\": \"a\", \"release\": \"v1\"}}", "it is not valid release state JSON")]
    [InlineData("{\"schemaVersion\": 1, \"environment\": \"staging\", \"history\": [{\"id\": \"a\", \"release\": \"v1\", \"action\": \"Explode\", \"images\": {}, \"triggeredBy\": \"x\", \"startedAt\": \"2026-11-21T18:40:00Z\"}]}", "$.history[0].action")]
    public async Task A_file_that_is_not_release_state_says_what_is_wrong_and_to_delete_it_when_there_is_no_backup(string content, string problem)
    {
        Directory.CreateDirectory(_root.Releases);
        await File.WriteAllTextAsync(_root.File("staging.json"), content);

        var error = await Assert.ThrowsAsync<ReleaseStateCorruptException>(() => Store().ReadAsync("staging", CancellationToken.None));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Null(error.BackupPath);
        Assert.Contains($"delete '{_root.File("staging.json")}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cp '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_not_reset()
    {
        Directory.CreateDirectory(_root.Releases);
        const string Newer = "{\"schemaVersion\": 2, \"environment\": \"staging\", \"releases\": []}";
        await File.WriteAllTextAsync(_root.File("staging.json"), Newer);

        var error = await Assert.ThrowsAsync<ReleaseStateCorruptException>(() => Store().ReadAsync("staging", CancellationToken.None));

        Assert.Contains("written by a newer Smoke (schema version 2; this one reads version 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("run the newer Smoke that wrote it", error.Message, StringComparison.Ordinal);
        Assert.Equal(Newer, await File.ReadAllTextAsync(_root.File("staging.json")));
    }

    [Fact]
    public async Task Writing_over_a_corrupt_file_is_refused_and_the_file_is_left_for_repair()
    {
        await WriteAsync(new ReleaseState("staging") { History = [Releases.Record("v1")] });
        await WriteAsync(new ReleaseState("staging") { History = [Releases.Record("v2")] });
        var backup = await File.ReadAllTextAsync(_root.File("staging.json.bak"));
        await File.WriteAllTextAsync(_root.File("staging.json"), "garbage");

        await Assert.ThrowsAsync<ReleaseStateCorruptException>(() => WriteAsync(new ReleaseState("staging")));

        Assert.Equal("garbage", await File.ReadAllTextAsync(_root.File("staging.json")));
        Assert.Equal(backup, await File.ReadAllTextAsync(_root.File("staging.json.bak")));
        Assert.Empty(Directory.EnumerateFiles(_root.Releases, "*.tmp"));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_the_previous_file_whole()
    {
        await WriteAsync(new ReleaseState("staging") { History = [Releases.Record("v1")] });
        var before = await File.ReadAllTextAsync(_root.File("staging.json"));

        await using (var held = await Store().AcquireLockAsync("staging", "test", CancellationToken.None))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => held.WriteStateAsync(new ReleaseState("staging") { History = [Releases.Record("v2")] }, new CancellationToken(canceled: true)));
        }

        Assert.Equal(before, await File.ReadAllTextAsync(_root.File("staging.json")));
        Assert.Empty(Directory.EnumerateFiles(_root.Releases, "*.tmp"));
    }

    [Fact]
    public async Task State_of_another_environment_cannot_be_written_under_this_lock()
    {
        await using var held = await Store().AcquireLockAsync("staging", "test", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => held.WriteStateAsync(new ReleaseState("production"), CancellationToken.None));

        Assert.Contains("\"production\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("prod/eu")]
    [InlineData("../etc")]
    [InlineData("")]
    [InlineData("-staging")]
    [InlineData("staging-")]
    [InlineData("stag_ing")]
    [InlineData("stäging")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public async Task An_invalid_environment_name_is_refused_with_an_example_of_a_valid_one(string environment)
    {
        var store = Store();

        var read = await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync(environment, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AcquireLockAsync(environment, "test", CancellationToken.None));

        Assert.Contains($"environment name \"{environment}\" is not valid", read.Message, StringComparison.Ordinal);
        Assert.Contains("\"eu-prod-1\"", read.Message, StringComparison.Ordinal);
        Assert.False(EnvironmentName.IsValid(environment));
        Assert.False(Directory.Exists(_root.Releases) && Directory.EnumerateFileSystemEntries(_root.Releases).Any());
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("eu-prod-1")]
    [InlineData("7")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void A_valid_environment_name_is_accepted(string environment)
    {
        Assert.Equal(environment, EnvironmentName.Validate(environment));
        Assert.True(EnvironmentName.IsValid(environment));
    }

    [Fact]
    public void The_state_directory_is_flushed_on_this_platform() =>
        Assert.True(DirectorySync.TryFlush(_root.Path));

    private ReleaseStateStore Store(int historyLimit = ReleaseStateStore.DefaultHistoryLimit) => new(_root.Path, historyLimit, _time);

    private async Task WriteAsync(ReleaseState state)
    {
        await using var held = await Store().AcquireLockAsync(state.Environment, "test", CancellationToken.None);
        await held.WriteStateAsync(state, CancellationToken.None);
    }
}
