using Smoke.Stack.Installation;

namespace Smoke.Stack.Tests.Installation;

public sealed class LocalHostSystemTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_detached_program_runs_on_in_its_own_session_with_its_output_in_the_log()
    {
        var directory = Directory.CreateTempSubdirectory("smoke-detached-").FullName;
        var program = Path.Combine(directory, "daemon.sh");
        var log = Path.Combine(directory, "logs", "daemon.log");
        await File.WriteAllTextAsync(program, "#!/bin/sh\necho started \"$1\"\necho oops >&2\nexec sleep 30\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var host = new LocalHostSystem();
            var pid = await host.StartDetachedAsRootAsync(program, ["an argument; not a command"], log, default);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("oops", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var session = (await File.ReadAllTextAsync($"/proc/{pid}/stat")).Split(')')[1].Split(' ')[4];
            var ourSession = (await File.ReadAllTextAsync("/proc/self/stat")).Split(')')[1].Split(' ')[4];
            var wasRunning = host.IsRunning(pid);
            // The program runs as root (directly, or through sudo in the runner rehearsal), so root stops it.
            await (await host.RootAccessAsync(default)).RunAsync("kill", [pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var gone = DateTime.UtcNow.AddSeconds(30);
            while (host.IsRunning(pid) && DateTime.UtcNow < gone)
            {
                await Task.Delay(50);
            }

            Assert.Equal(["started an argument; not a command", "oops"], await File.ReadAllLinesAsync(log));
            Assert.NotEqual(ourSession, session);
            Assert.True(wasRunning);
            Assert.False(host.IsRunning(pid));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
