namespace Smoke.Processes.Tests;

/// <summary>The one way Smoke runs dotnet, docker-compose, apt-get, debootstrap and tar: real programs, no shell in between.</summary>
public sealed class ExternalProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-process-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_program_that_is_not_installed_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<ExternalProgramNotFoundException>(
            () => ExternalProcess.RunAsync("smoke-no-such-program", ["--version"]));

        Assert.Equal("smoke-no-such-program", error.Program);
        Assert.Equal("smoke-no-such-program is not installed or not on PATH; install it, or put the directory that holds it on PATH", error.Message);
    }

    [Fact]
    public async Task A_missing_program_error_says_what_to_install_when_the_caller_knows()
    {
        var error = await Assert.ThrowsAsync<ExternalProgramNotFoundException>(
            () => ExternalProcess.RunAsync("smoke-no-such-program", [], new ProcessOptions { InstallHint = "Debian's smoke-tools package" }));

        Assert.Equal("Debian's smoke-tools package", error.InstallHint);
        Assert.Equal("smoke-no-such-program is not installed or not on PATH; install Debian's smoke-tools package", error.Message);
    }

    [Fact]
    public async Task A_missing_working_directory_is_not_reported_as_a_missing_program()
    {
        var nowhere = Path.Combine(_directory, "gone");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => ExternalProcess.RunAsync("sh", ["-c", "true"], new ProcessOptions { WorkingDirectory = nowhere }));

        Assert.Equal($"cannot run 'sh -c true' in {nowhere}: that directory does not exist", error.Message);
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are_never_through_a_shell()
    {
        var result = await ExternalProcess.RunAsync("printf", ["%s|", "$HOME; echo injected", "two words"]);

        Assert.True(result.Succeeded);
        Assert.Equal("$HOME; echo injected|two words|", result.StandardOutput.TrimEnd());
    }

    [Fact]
    public async Task Output_and_errors_are_kept_apart_and_merged_and_every_line_is_passed_on_with_the_exit_code()
    {
        var seen = new List<string>();

        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "echo building; sleep 0.2; echo 'no space left' >&2; sleep 0.2; echo giving up; exit 3"],
            new ProcessOptions { OnOutput = line => { lock (seen) { seen.Add(line); } } });

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["building", "giving up"], result.StandardOutput.TrimEnd().Split('\n'));
        Assert.Equal("no space left", result.StandardError.TrimEnd());
        // Two pipes, two pumps: each stream keeps its own order, but how they interleave depends on when each pump
        // runs, which a loaded machine decides. So: every line is there once, and stdout's lines keep their order.
        Assert.Equal(["building", "giving up", "no space left"], result.Output.Order(StringComparer.Ordinal));
        Assert.Equal(["building", "giving up"], result.Output.Where(line => line != "no space left"));
        Assert.Equal(["building", "giving up", "no space left"], seen.Order(StringComparer.Ordinal));
        Assert.False(result.OutputCutShort);
    }

    [Fact]
    public async Task The_working_directory_and_environment_are_the_ones_asked_for()
    {
        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "pwd; echo \"$SMOKE_PROCESS_TEST\""],
            new ProcessOptions { WorkingDirectory = _directory, Environment = new Dictionary<string, string?> { ["SMOKE_PROCESS_TEST"] = "from the options" } });

        Assert.Equal([_directory, "from the options"], result.Output);
    }

    [Fact]
    public async Task A_null_environment_value_removes_the_variable()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")));

        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "echo \"${HOME-removed} ${SMOKE_PROCESS_UNSET-never set}\""],
            new ProcessOptions { Environment = new Dictionary<string, string?> { ["HOME"] = null, ["SMOKE_PROCESS_UNSET"] = null } });

        Assert.Equal(["removed never set"], result.Output);
    }

    [Fact]
    public async Task Standard_input_is_closed_so_a_program_that_reads_it_does_not_wait()
    {
        var result = await ExternalProcess.RunAsync("cat", []).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task The_started_program_s_pid_is_handed_over_before_it_ends()
    {
        var pid = 0;

        var result = await ExternalProcess.RunAsync("sh", ["-c", "echo $$"], new ProcessOptions { OnStarted = started => pid = started });

        Assert.Equal([pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], result.Output);
    }

    [Fact]
    public void The_command_line_in_messages_quotes_what_has_spaces()
    {
        Assert.Equal("sh -c \"echo two words\" \"\" plain", ExternalProcess.CommandLine("sh", ["-c", "echo two words", "", "plain"]));
    }
}
