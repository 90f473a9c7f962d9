using System.Diagnostics;
using System.Globalization;

namespace Smoke.Stack.Sessions;

/// <summary>Tells whether the process that created a resource still runs, robust against pid reuse.</summary>
internal static class OwnerProcess
{
    /// <summary>
    /// A stable marker of when <paramref name="pid"/> started, or null when no such process is running. On Linux
    /// it is the start time in clock ticks since boot from /proc, exact and cheap; elsewhere the start time in UTC seconds.
    /// </summary>
    public static string? StartTimeOf(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return null;
            }

            // The command name may hold spaces and parentheses; the fields after its closing one are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : fields[19];
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>False when the pid is not running, or runs a different process than the one that started at <paramref name="startTime"/>.</summary>
    public static bool IsAlive(int pid, string? startTime) =>
        StartTimeOf(pid) is { } current && (startTime is null || current == startTime);
}
