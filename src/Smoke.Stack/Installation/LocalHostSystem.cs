using System.Globalization;
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

    public async Task<int> StartDetachedAsRootAsync(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        var log = Path.GetFullPath(logPath);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);

        // setsid puts the shell (and so the program) in a new session: it survives our exit and our Ctrl+C. The shell
        // only redirects and reports the program's pid; the log, program and arguments are its positional parameters,
        // never spliced into the script.
        var result = await RunAsRootAsync(
            "setsid",
            ["sh", "-c", "log=$1; shift; \"$@\" >>\"$log\" 2>&1 </dev/null & echo $!", "sh", log, program, .. arguments],
            new ProcessOptions(),
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded && int.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : throw new DockerEngineUnavailableException($"could not start {program} in the background: {(result.StandardError + result.StandardOutput).Trim()}");
    }

    public bool IsRunning(int processId)
    {
        // A process that exited but was not yet reaped by init is a zombie: as good as gone.
        var stat = $"/proc/{processId}/stat";
        try
        {
            return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].TrimStart().FirstOrDefault() is not ('Z' or 'X' or default(char));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
