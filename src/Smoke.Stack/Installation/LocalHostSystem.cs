using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

internal sealed class LocalHostSystem : IHostSystem
{
    private Task<RootAccess>? _rootAccess;

    public bool IsDebianFamily => File.Exists("/etc/debian_version");

    public bool HasSystemd => Directory.Exists("/run/systemd/system");

    public Task<RootAccess> RootAccessAsync(CancellationToken cancellationToken) =>
        _rootAccess ??= RootAccess.DetectAsync(cancellationToken);

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

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(program, arguments, options, cancellationToken);

    public async Task<ProcessResult> RunAsRootAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken) =>
        await (await RootAccessAsync(cancellationToken).ConfigureAwait(false)).RunAsync(program, arguments, options, cancellationToken).ConfigureAwait(false);

    public async Task<int> StartDetachedAsRootAsync(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken) =>
        await DaemonProcess.StartAsync(program, arguments, logPath, await RootAccessAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public bool IsRunning(int processId) => DaemonProcess.IsRunning(processId);
}
