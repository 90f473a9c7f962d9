using System.Text.Json;
using Smoke.Release.Tests.ChildProcess;

namespace Smoke.Release.Tests.Locking;

public sealed class ReleaseLockTests : IDisposable
{
    private readonly ReleaseRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_second_lock_on_the_same_environment_is_refused_naming_the_holder()
    {
        var store = new ReleaseStateStore(_root.Path);
        await using var first = await store.AcquireLockAsync("staging", "Deploy --release v42", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ReleaseLockedException>(() => store.AcquireLockAsync("staging", "Deploy --release v43", CancellationToken.None));

        Assert.Equal(Environment.ProcessId, refused.Holder!.Pid);
        Assert.Equal(_root.File("staging.lock"), refused.LockPath);
        Assert.Contains(
            $"environment \"staging\" is locked by pid {Environment.ProcessId} on host {Environment.MachineName} (user {Environment.UserName}) running \"Deploy --release v42\" since ",
            refused.Message,
            StringComparison.Ordinal);
        Assert.Contains("Wait for it to finish", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_is_refused_naming_its_pid_and_command()
    {
        await using var child = ChildProcessRun.Start("hold-lock", _root.Path, "staging");
        await child.WaitForLineAsync(line => line == "locked");

        var refused = await Assert.ThrowsAsync<ReleaseLockedException>(
            () => new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy --release v43", CancellationToken.None));

        Assert.Equal((child.Pid, "Deploy --release v7"), (refused.Holder!.Pid, refused.Holder.Command));
        Assert.Contains($"locked by pid {child.Pid} on host {Environment.MachineName}", refused.Message, StringComparison.Ordinal);

        await child.FinishAsync();
        await using var mine = await new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy --release v43", CancellationToken.None);
        Assert.Null(mine.TookOverFrom);
        Assert.Empty(mine.Notices);
    }

    [Fact]
    public async Task The_lock_file_names_the_holder_and_is_emptied_on_release()
    {
        var store = new ReleaseStateStore(_root.Path);
        var held = await store.AcquireLockAsync("staging", "Rollback", CancellationToken.None);
        var beside = await File.ReadAllTextAsync(_root.File("staging.lock.json"));

        await held.DisposeAsync();

        var holder = JsonSerializer.Deserialize<ReleaseLockHolder>(beside, JsonSerializerOptions.Web)!;
        Assert.Equal(("staging", Environment.ProcessId, "Rollback"), (holder.Environment, holder.Pid, holder.Command));
        Assert.Equal(0, new FileInfo(_root.File("staging.lock")).Length);
        Assert.False(File.Exists(_root.File("staging.lock.json")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => held.ReadStateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_lock_left_by_a_process_of_this_host_that_is_gone_is_taken_over_and_says_so()
    {
        int deadPid;
        await using (var child = ChildProcessRun.Start("hold-lock-then-exit", _root.Path, "staging"))
        {
            await child.WaitForLineAsync(line => line == "locked");
            await child.WaitForExitAsync();
            deadPid = child.Pid;
        }

        await using var held = await new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy --release v8", CancellationToken.None);

        Assert.Equal(deadPid, held.TookOverFrom!.Pid);
        var notice = Assert.Single(held.Notices);
        Assert.Contains($"took over the lock of environment \"staging\" left by pid {deadPid}", notice, StringComparison.Ordinal);
        Assert.Contains("no longer running", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_file_naming_a_live_process_of_this_host_is_refused_even_without_an_os_lock()
    {
        // What a file system that ignores flock looks like: the holder's name is the only guard.
        await WriteLockFileAsync(new ReleaseLockHolder("staging", Environment.ProcessId, Environment.MachineName, "bob", "Deploy --release v9", DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ReleaseLockedException>(
            () => new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy --release v10", CancellationToken.None));

        Assert.Contains("which is still running", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"delete {_root.File("staging.lock")}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_file_naming_another_host_is_refused_with_how_to_clear_it()
    {
        await WriteLockFileAsync(new ReleaseLockHolder("staging", 4242, "ci-runner-7", "bob", "Deploy --release v9", DateTimeOffset.UtcNow));

        var refused = await Assert.ThrowsAsync<ReleaseLockedException>(
            () => new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy --release v10", CancellationToken.None));

        Assert.Equal("ci-runner-7", refused.Holder!.Host);
        Assert.Contains("this host cannot see whether that process still runs", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"If no deploy to \"staging\" is running on ci-runner-7, delete {_root.File("staging.lock")}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_file_with_unreadable_leftovers_is_taken_over()
    {
        Directory.CreateDirectory(_root.Releases);
        await File.WriteAllTextAsync(_root.File("staging.lock"), "{\"environment\": \"stag");

        await using var held = await new ReleaseStateStore(_root.Path).AcquireLockAsync("staging", "Deploy", CancellationToken.None);

        Assert.Null(held.TookOverFrom);
    }

    [Fact]
    public async Task Environments_are_locked_independently()
    {
        var store = new ReleaseStateStore(_root.Path);

        await using var staging = await store.AcquireLockAsync("staging", "Deploy", CancellationToken.None);
        await using var production = await store.AcquireLockAsync("production", "Deploy", CancellationToken.None);

        Assert.Equal(("staging", "production"), (staging.Environment, production.Environment));
    }

    [Fact]
    public async Task Concurrent_writers_take_turns_and_lose_no_update()
    {
        const int Writers = 12;
        var store = new ReleaseStateStore(_root.Path, historyLimit: 100);

        async Task WriteOneAsync(int writer)
        {
            while (true)
            {
                try
                {
                    await using var held = await store.AcquireLockAsync("staging", $"writer {writer}", CancellationToken.None);
                    var state = await held.ReadStateAsync(CancellationToken.None);
                    var record = Releases.Record($"w{writer}");
                    await held.WriteStateAsync(state with { Current = record, History = [record, .. state.History] }, CancellationToken.None);
                    return;
                }
                catch (ReleaseLockedException)
                {
                    await Task.Delay(Random.Shared.Next(5, 30));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer => Task.Run(() => WriteOneAsync(writer))));

        var final = await store.ReadAsync("staging", CancellationToken.None);
        Assert.Equal(
            Enumerable.Range(1, Writers).Select(writer => $"w{writer}").Order(),
            final.History.Select(record => record.Release).Order());
        Assert.Equal(final.History[0].Id, final.Current!.Id);
        Assert.Empty(Directory.EnumerateFiles(_root.Releases, "*.tmp"));
    }

    private async Task WriteLockFileAsync(ReleaseLockHolder holder)
    {
        Directory.CreateDirectory(_root.Releases);
        await File.WriteAllTextAsync(_root.File("staging.lock"), JsonSerializer.Serialize(holder, JsonSerializerOptions.Web));
    }
}
