using System.Diagnostics;
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
        var pidFile = Path.Combine(directory, "pid");
        await File.WriteAllTextAsync(program, $"#!/bin/sh\necho $$ > {pidFile}\necho started\necho oops >&2\nexec sleep 30\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            await new LocalHostSystem().StartDetachedAsync(program, log, default);

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("oops", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var session = (await File.ReadAllTextAsync($"/proc/{pid}/stat")).Split(')')[1].Split(' ')[4];
            using var daemon = Process.GetProcessById(pid);
            daemon.Kill();

            Assert.Equal(["started", "oops"], await File.ReadAllLinesAsync(log));
            Assert.Equal(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), session);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
