using System.Diagnostics;

namespace Smoke.Processes.Tests;

/// <summary>What a program starts: killed with it on cancel, and never a reason to hang once it exited.</summary>
public sealed class ProcessTreeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-process-tree-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Cancelling_kills_the_program_and_what_it_started()
    {
        var pidFile = Path.Combine(_directory, "child.pid");
        using var cancellation = new CancellationTokenSource();
        var running = ExternalProcess.RunAsync("sh", ["-c", $"sleep 300 & echo $! > '{pidFile}'; wait"], cancellationToken: cancellation.Token);
        var child = await Pids.ReadAsync(pidFile);
        Assert.True(Pids.IsRunning(child), $"sleep {child} should be running before the cancel");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(await Pids.GoneWithinAsync(child, TimeSpan.FromSeconds(30)), $"sleep {child} outlived the cancelled program");
    }

    [Fact]
    public async Task An_already_cancelled_token_starts_nothing()
    {
        var marker = Path.Combine(_directory, "started");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExternalProcess.RunAsync("sh", ["-c", $"touch '{marker}'"], cancellationToken: new CancellationToken(canceled: true)));

        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_grandchild_that_holds_the_output_open_does_not_hang_the_caller()
    {
        var pidFile = Path.Combine(_directory, "grandchild.pid");
        var clock = Stopwatch.StartNew();

        // The background sleep inherits stdout and stderr and outlives the shell, as a daemon or a build server does.
        var result = await ExternalProcess.RunAsync(
                "sh",
                ["-c", $"echo before; sleep 120 & echo $! > '{pidFile}'; echo after; exit 5"],
                new ProcessOptions { OutputDrainGrace = TimeSpan.FromSeconds(1) })
            .WaitAsync(TimeSpan.FromSeconds(60));

        clock.Stop();
        var grandchild = await Pids.ReadAsync(pidFile);
        try
        {
            Assert.Equal(5, result.ExitCode);
            Assert.Equal(["before", "after"], result.Output);
            Assert.True(result.OutputCutShort);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed} although the shell exited at once");
        }
        finally
        {
            Process.GetProcessById(grandchild).Kill();
        }
    }

    [Fact]
    public async Task A_grandchild_that_closes_its_output_costs_no_wait()
    {
        var clock = Stopwatch.StartNew();

        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "sleep 120 >/dev/null 2>&1 & kill_me=$!; echo started; kill $kill_me"],
            new ProcessOptions { OutputDrainGrace = TimeSpan.FromMinutes(5) });

        Assert.Equal(["started"], result.Output);
        Assert.False(result.OutputCutShort);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }
}
