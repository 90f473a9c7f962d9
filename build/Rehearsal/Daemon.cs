using Smoke.Pipeline;
using Smoke.Stack.Processes;

namespace Smoke.Build.Rehearsal;

/// <summary>Daemons of the rig (Engine 26, the registry): started as root in a session of their own, and waited for.</summary>
internal static class Daemon
{
    public static Task<int> StartAsync(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken) =>
        DaemonProcess.StartAsync(program, arguments, logPath, RootAccess.AsRoot, cancellationToken);

    /// <summary>Polls <paramref name="answers"/> for up to a minute; a daemon that exits meanwhile fails at once, with its log's last lines.</summary>
    public static async Task WaitUntilAsync(int pid, string logPath, string name, Func<Task<bool>> answers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await answers())
        {
            if (!DaemonProcess.IsRunning(pid) || DateTime.UtcNow > deadline)
            {
                var tail = File.Exists(logPath) ? string.Join(" | ", File.ReadLines(logPath).TakeLast(5)) : "(no log)";
                throw new BuildFailedException($"{name} {(DaemonProcess.IsRunning(pid) ? "did not answer within a minute" : "exited")}; its log is {logPath}: {tail}");
            }

            await Task.Delay(200, cancellationToken);
        }

        Log.Info($"{name} answers");
    }
}
