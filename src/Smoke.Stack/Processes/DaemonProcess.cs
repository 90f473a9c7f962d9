using System.Globalization;
using Smoke.Processes;
using Smoke.Stack.Installation;

namespace Smoke.Stack.Processes;

/// <summary>A daemon we start (dockerd, a registry): in a session of its own, so it outlives the build and its Ctrl+C.</summary>
public static class DaemonProcess
{
    /// <summary>
    /// Starts <paramref name="program"/> through <paramref name="access"/> (as root, or as this user with null), its
    /// output appended to <paramref name="logPath"/>, and returns its pid. The shell only redirects and reports the pid;
    /// the log, program and arguments are its positional parameters, never spliced into the script.
    /// </summary>
    public static async Task<int> StartAsync(string program, IReadOnlyList<string> arguments, string logPath, RootAccess? access, CancellationToken cancellationToken = default)
    {
        var log = Path.GetFullPath(logPath);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        string[] command = ["sh", "-c", "log=$1; shift; \"$@\" >>\"$log\" 2>&1 </dev/null & echo $!", "sh", log, program, .. arguments];
        var result = access is null
            ? await ExternalProcess.RunAsync("setsid", command, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await access.RunAsync("setsid", command, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Succeeded && int.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : throw new DockerEngineUnavailableException($"could not start {program} in the background: {(result.StandardError + result.StandardOutput).Trim()}");
    }

    /// <summary>False once the process is gone, or a zombie that nobody reaped yet: as good as gone.</summary>
    public static bool IsRunning(int processId)
    {
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
