using System.Globalization;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Processes;

/// <summary>The one way Smoke.Stack runs docker-compose, apt-get, debootstrap and tar: real programs, no shell in between.</summary>
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
        Assert.Equal("smoke-no-such-program is not installed or not on PATH", error.Message);
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are_never_through_a_shell()
    {
        var result = await ExternalProcess.RunAsync("printf", ["%s|", "$HOME; echo injected", "two words"]);

        Assert.True(result.Succeeded);
        Assert.Equal("$HOME; echo injected|two words|", result.StandardOutput.TrimEnd());
    }

    [Fact]
    public async Task Output_and_errors_are_kept_apart_and_every_line_is_passed_on_with_the_exit_code()
    {
        var seen = new List<string>();

        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "echo building; echo 'no space left' >&2; exit 3"],
            new ProcessOptions { OnOutput = line => { lock (seen) { seen.Add(line); } } });

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("building", result.StandardOutput.TrimEnd());
        Assert.Equal("no space left", result.StandardError.TrimEnd());
        Assert.Equal(["building", "no space left"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_working_directory_and_environment_are_the_ones_asked_for()
    {
        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "pwd; echo \"$SMOKE_PROCESS_TEST\""],
            new ProcessOptions { WorkingDirectory = _directory, Environment = new Dictionary<string, string?> { ["SMOKE_PROCESS_TEST"] = "from the options" } });

        Assert.Equal([_directory, "from the options"], result.StandardOutput.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Cancelling_kills_the_program_and_what_it_started()
    {
        var pidFile = Path.Combine(_directory, "child.pid");
        using var cancellation = new CancellationTokenSource();
        var running = ExternalProcess.RunAsync("sh", ["-c", $"sleep 300 & echo $! > '{pidFile}'; wait"], cancellationToken: cancellation.Token);
        var child = await ReadPidAsync(pidFile);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromMinutes(1)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (IsRunning(child) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(IsRunning(child), $"sleep {child} outlived the cancelled program");
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the shell never wrote its child's pid to {pidFile}");
    }

    // A killed child may stay a zombie until it is reaped; a zombie runs nothing, so it counts as gone.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
