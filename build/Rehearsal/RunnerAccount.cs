using Smoke.Pipeline;
using Smoke.Stack.Installation;

namespace Smoke.Build.Rehearsal;

/// <summary>
/// The user GitHub's hosted runners run jobs as: <c>runner</c>, not root, in the docker group, with passwordless sudo.
/// Commands run as that user through runuser with a clean login environment, as a job step would.
/// </summary>
internal static class RunnerAccount
{
    public const string Name = "runner";

    public static string Home => $"/home/{Name}";

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists("/usr/bin/sudo"))
        {
            await new DebianPackageInstaller(Log.Info).InstallAsync(["sudo"], cancellationToken);
        }

        if ((await Tool.RunAsync("id", ["-u", Name], quiet: true, allowFailure: true, cancellationToken: cancellationToken)).ExitCode != 0)
        {
            await Tool.RunAsync("useradd", ["--create-home", "--shell", "/bin/bash", "--groups", "docker", Name], quiet: true, cancellationToken: cancellationToken);
        }

        await Tool.RunAsync("usermod", ["--append", "--groups", "docker", Name], quiet: true, cancellationToken: cancellationToken);
        var sudoers = "/etc/sudoers.d/smoke-runner";
        await File.WriteAllTextAsync(sudoers, $"{Name} ALL=(ALL) NOPASSWD:ALL\n", cancellationToken);
        File.SetUnixFileMode(sudoers, UnixFileMode.UserRead | UnixFileMode.GroupRead);
    }

    /// <summary>Runs a bash command line as the runner in <paramref name="directory"/>, with <paramref name="environment"/> on top of a login environment.</summary>
    public static Task<ToolResult> RunAsync(string commandLine, string directory, IReadOnlyDictionary<string, string> environment, bool allowFailure, CancellationToken cancellationToken) =>
        Tool.RunAsync(
            "runuser",
            [
                "-u", Name, "--", "env", "-i",
                $"HOME={Home}", $"USER={Name}", "PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin", "LANG=C.UTF-8",
                .. environment.Select(variable => $"{variable.Key}={variable.Value}"),
                "bash", "-c", "cd \"$0\" && " + commandLine, directory,
            ],
            allowFailure: allowFailure,
            cancellationToken: cancellationToken);
}
