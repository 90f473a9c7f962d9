using Smoke.Processes;
using Smoke.Stack.Installation;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Installation;

/// <summary>A machine description and a record of what the installer ran, so the install path is walked without installing.</summary>
internal sealed class FakeHostSystem : IHostSystem
{
    public RootAccess Root { get; init; } = RootAccess.AsRoot;

    public bool IsDebianFamily { get; init; } = true;

    public bool HasSystemd { get; init; }

    public bool HasPlugin { get; init; } = true;

    public HashSet<string> Programs { get; init; } = ["dockerd", "docker-compose", "debootstrap"];

    /// <summary>What each program run says, by program name; anything else succeeds silently.</summary>
    public Dictionary<string, ProcessResult> Results { get; init; } = [];

    /// <summary>Whether a daemon started in the background is still alive when asked.</summary>
    public bool DaemonStaysUp { get; init; } = true;

    public List<string> Commands { get; } = [];

    public Task<RootAccess> RootAccessAsync(CancellationToken cancellationToken) => Task.FromResult(Root);

    public bool HasProgram(string name) => Programs.Contains(name);

    public Task<bool> HasComposePluginAsync(CancellationToken cancellationToken) => Task.FromResult(HasPlugin);

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken) =>
        Record("", program, arguments, options);

    public Task<ProcessResult> RunAsRootAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken) =>
        Record(Root.Kind == RootAccessKind.Sudo ? "sudo" : "", program, arguments, options);

    public Task<int> StartDetachedAsRootAsync(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        Commands.Add($"detached {string.Join(' ', [program, .. arguments])} > {logPath}");
        return Task.FromResult(4242);
    }

    public bool IsRunning(int processId) => DaemonStaysUp;

    private Task<ProcessResult> Record(string prefix, string program, IReadOnlyList<string> arguments, ProcessOptions options)
    {
        Commands.Add(string.Join(' ', [prefix, .. options.Environment.Select(e => $"{e.Key}={e.Value}"), program, .. arguments]).Trim());
        return Task.FromResult(Results.GetValueOrDefault(program, new ProcessResult(0, "", "")));
    }
}
