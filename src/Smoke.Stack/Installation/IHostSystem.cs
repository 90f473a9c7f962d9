using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

/// <summary>What the installer needs from the machine; tests replace it to walk the install path without installing.</summary>
internal interface IHostSystem
{
    bool IsDebianFamily { get; }

    bool HasSystemd { get; }

    /// <summary>How this process may run programs as root; everything the installer runs needs root.</summary>
    Task<RootAccess> RootAccessAsync(CancellationToken cancellationToken);

    bool HasProgram(string name);

    Task<bool> HasComposePluginAsync(CancellationToken cancellationToken);

    /// <summary>Runs a program as this process's user.</summary>
    Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken);

    /// <summary>Runs a program as root (directly, or through passwordless sudo).</summary>
    Task<ProcessResult> RunAsRootAsync(string program, IReadOnlyList<string> arguments, ProcessOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a program as root in its own session, so it outlives this process and our Ctrl+C, its output appended to
    /// <paramref name="logPath"/>. Returns its process id.
    /// </summary>
    Task<int> StartDetachedAsRootAsync(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken);

    bool IsRunning(int processId);
}
