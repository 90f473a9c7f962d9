namespace Smoke.Pipeline.Tests;

public sealed class ToolTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("smoke-tool-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Output_of_stdout_and_stderr_is_captured_and_arguments_are_passed_verbatim()
    {
        var result = await Tool.RunAsync("sh", ["-c", "echo \"$1\"; echo err >&2", "sh", "two words; $HOME"], quiet: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("two words; $HOME", result.Output);
        Assert.Contains("err", result.Output);
    }

    [Fact]
    public async Task Environment_and_working_directory_are_applied()
    {
        var result = await Tool.RunAsync(
            "sh",
            ["-c", "pwd; echo \"${GREETING:-unset} ${HOME:-removed}\""],
            workingDirectory: directory,
            environment: new Dictionary<string, string?> { ["GREETING"] = "hello", ["HOME"] = null },
            quiet: true);

        Assert.Equal([directory, "hello removed"], result.Output);
    }

    [Fact]
    public async Task A_non_zero_exit_throws_naming_the_command_the_code_and_the_last_lines()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(
            () => Tool.RunAsync("sh", ["-c", "echo compiling; echo 'error CS1002' >&2; exit 3"], quiet: true));

        Assert.Equal(3, failure.ExitCode);
        Assert.StartsWith("'sh -c \"echo compiling; echo 'error CS1002' >&2; exit 3\"' exited with code 3; last 2 output lines:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  error CS1002", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowFailure_returns_the_exit_code_instead_of_throwing()
    {
        var result = await Tool.RunAsync("sh", ["-c", "exit 4"], allowFailure: true, quiet: true);

        Assert.Equal(4, result.ExitCode);
    }

    [Fact]
    public async Task A_missing_program_says_what_could_not_be_started()
    {
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => Tool.RunAsync("no-such-tool-here", ["--version"]));

        Assert.Contains("Could not start 'no-such-tool-here --version'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("installed and on PATH", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(directory, "grandchild.pid");
        using var cancellation = new CancellationTokenSource();
        var running = Tool.RunAsync("sh", ["-c", $"sleep 300 & echo $! > '{pidFile}'; wait"], quiet: true, cancellationToken: cancellation.Token);
        var grandchild = await WaitForPidAsync(pidFile);
        Assert.True(IsAlive(grandchild), $"sleep {grandchild} should be running before cancellation");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromMinutes(1)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (IsAlive(grandchild) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(IsAlive(grandchild), $"sleep {grandchild} outlived the cancelled tool");
    }

    private static async Task<int> WaitForPidAsync(string pidFile)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The shell never wrote the grandchild's pid to {pidFile}.");
    }

    // A killed child can linger as a zombie until it is reaped; a zombie runs nothing, so it counts as gone.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
