using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

internal sealed class LocalHostSystem : IHostSystem
{
    public bool IsRoot => Environment.IsPrivilegedProcess;

    public bool IsDebianFamily => File.Exists("/etc/debian_version");

    public bool HasSystemd => Directory.Exists("/run/systemd/system");

    public bool HasProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Any(directory => File.Exists(Path.Combine(directory, name)) || File.Exists(Path.Combine(directory, name + ".exe")));

    public async Task<bool> HasComposePluginAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await ExternalProcess.RunAsync("docker", ["compose", "version"], cancellationToken: cancellationToken).ConfigureAwait(false)).Succeeded;
        }
        catch (ExternalProgramNotFoundException)
        {
            return false;
        }
    }

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, Action<string>? log, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(program, arguments, new ProcessOptions { Environment = environment, OnOutput = log }, cancellationToken);

    public async Task StartDetachedAsync(string program, string logPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);

        // setsid -f forks into a new session, so the daemon survives our exit and our Ctrl+C; the shell only
        // redirects its output to the log (program and path are passed as arguments, never spliced into the script).
        var result = await ExternalProcess.RunAsync(
            "setsid",
            ["-f", "sh", "-c", "exec \"$0\" >>\"$1\" 2>&1 </dev/null", program, Path.GetFullPath(logPath)],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DockerEngineUnavailableException($"could not start {program} in the background: {result.StandardError.Trim()}");
        }
    }
}
