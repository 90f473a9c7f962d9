using System.Globalization;

namespace Smoke.Processes.Tests;

/// <summary>Processes the tests' shells start, by the pid they wrote to a file.</summary>
internal static class Pids
{
    public static async Task<int> ReadAsync(string pidFile)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the shell never wrote a pid to {pidFile}");
    }

    public static async Task<bool> GoneWithinAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsRunning(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return !IsRunning(pid);
    }

    // A killed child may stay a zombie until it is reaped; a zombie runs nothing, so it counts as gone.
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
