using Smoke.Processes;

namespace Smoke.Pipeline.Tests;

/// <summary>
/// Tool is the targets' way into the one process runner (Smoke.Processes, tested there with real process trees): these
/// tests cover what Tool adds, the merged result and the failures it throws.
/// </summary>
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

        Assert.Equal(3, failure.ProcessExitCode);
        Assert.Equal(1, failure.ExitCode);
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
        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => Tool.RunAsync("no-such-tool-here", ["--version"], allowFailure: true));

        Assert.StartsWith("Could not start 'no-such-tool-here --version': no-such-tool-here is not installed or not on PATH", failure.Message, StringComparison.Ordinal);
        Assert.IsType<ExternalProgramNotFoundException>(failure.InnerException);
    }

    [Fact]
    public async Task A_missing_working_directory_says_so_rather_than_blaming_the_program()
    {
        var nowhere = Path.Combine(directory, "gone");

        var failure = await Assert.ThrowsAsync<ToolFailedException>(() => Tool.RunAsync("sh", ["-c", "true"], nowhere));

        Assert.Contains($"in {nowhere}: that directory does not exist", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_reaches_the_runner()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Tool.RunAsync("sleep", ["300"], quiet: true, cancellationToken: cancellation.Token).WaitAsync(TimeSpan.FromMinutes(1)));
    }
}
