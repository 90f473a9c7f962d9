using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Processes;

public sealed class RootAccessTests
{
    [Fact]
    public void As_root_a_program_runs_as_it_is()
    {
        var (program, arguments) = RootAccess.AsRoot.Command("debootstrap", ["--variant=minbase", "bookworm", "/tmp/x"], new Dictionary<string, string?> { ["LANG"] = "C" });

        Assert.Equal("debootstrap", program);
        Assert.Equal(["--variant=minbase", "bookworm", "/tmp/x"], arguments);
    }

    [Fact]
    public void Through_sudo_a_program_runs_without_a_prompt_and_its_variables_go_through_env()
    {
        var (program, arguments) = RootAccess.ThroughSudo.Command(
            "tar",
            ["-C", "/tmp/root dir", "-c", "."],
            new Dictionary<string, string?> { ["LANG"] = "C", ["UNSET_ME"] = null, ["DEBIAN_FRONTEND"] = "noninteractive" });

        Assert.Equal("sudo", program);
        Assert.Equal(["-n", "--", "env", "LANG=C", "DEBIAN_FRONTEND=noninteractive", "tar", "-C", "/tmp/root dir", "-c", "."], arguments);
    }

    [Fact]
    public void Without_root_or_sudo_a_command_is_refused_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RootAccess.Denied.Command("debootstrap", []));

        Assert.Equal("cannot run debootstrap as root: this process is not as root, and sudo asks for a password or is not installed", error.Message);
        Assert.False(RootAccess.Denied.IsAvailable);
    }

    [Fact]
    public async Task Root_is_detected_as_itself_and_a_sudoer_as_sudo_and_both_run_programs_as_root()
    {
        // ./build.sh Test runs as root; the runner rehearsal runs it again as a user with passwordless sudo.
        var access = await RootAccess.DetectAsync();
        var whoami = await access.RunAsync("id", ["-u"]);

        Assert.Same(Environment.IsPrivilegedProcess ? RootAccess.AsRoot : RootAccess.ThroughSudo, access);
        Assert.Equal("0", whoami.StandardOutput.Trim());
    }

    [Fact]
    public async Task Through_sudo_a_program_runs_as_root_and_gets_its_variables()
    {
        Assert.True(File.Exists("/usr/bin/sudo"), "sudo is not installed; this test runs a program through it (apt-get install -y sudo)");

        var result = await RootAccess.ThroughSudo.RunAsync(
            "sh",
            ["-c", "echo \"$(id -u) $SMOKE_ROOT_ACCESS_PROBE\""],
            new ProcessOptions { Environment = new Dictionary<string, string?> { ["SMOKE_ROOT_ACCESS_PROBE"] = "passed through env" } });

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("0 passed through env", result.StandardOutput.Trim());
    }
}
