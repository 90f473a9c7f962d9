using Smoke.Stack.Installation;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Installation;

/// <summary>A machine description and a record of what the installer ran, so the install path is walked without installing.</summary>
internal sealed class FakeHostSystem : IHostSystem
{
    public bool IsRoot { get; init; } = true;

    public bool IsDebianFamily { get; init; } = true;

    public bool HasSystemd { get; init; }

    public HashSet<string> Programs { get; init; } = ["dockerd", "docker-compose", "debootstrap"];

    public List<string> Commands { get; } = [];

    public int AptExitCode { get; init; }

    public bool HasProgram(string name) => Programs.Contains(name);

    public Task<bool> HasComposePluginAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, Action<string>? log, CancellationToken cancellationToken)
    {
        Commands.Add($"{string.Join(' ', environment.Select(e => $"{e.Key}={e.Value}"))} {program} {string.Join(' ', arguments)}".Trim());
        return Task.FromResult(program == "apt-get" && AptExitCode != 0
            ? new ProcessResult(AptExitCode, "", "E: Unable to locate package docker.io")
            : new ProcessResult(0, "", ""));
    }

    public Task StartDetachedAsync(string program, string logPath, CancellationToken cancellationToken)
    {
        Commands.Add($"detached {program} > {logPath}");
        return Task.CompletedTask;
    }
}
