using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

/// <summary>What the installer needs from the machine; tests replace it to walk the install path without installing.</summary>
internal interface IHostSystem
{
    bool IsRoot { get; }

    bool IsDebianFamily { get; }

    bool HasSystemd { get; }

    bool HasProgram(string name);

    Task<bool> HasComposePluginAsync(CancellationToken cancellationToken);

    Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, Action<string>? log, CancellationToken cancellationToken);

    /// <summary>Starts a program in its own session so it outlives this process, its output appended to <paramref name="logPath"/>.</summary>
    Task StartDetachedAsync(string program, string logPath, CancellationToken cancellationToken);
}
