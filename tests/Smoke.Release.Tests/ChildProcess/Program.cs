using System.Globalization;
using Smoke.Release;

namespace Smoke.Release.Tests.ChildProcess;

/// <summary>
/// Entry point used only when a test starts this assembly as a separate process, to hold a lock or
/// to be killed in the middle of writing, as a real second deploy would.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [var mode, var root, var environment, ..])
        {
            await Console.Error.WriteLineAsync("usage: <hold-lock|hold-lock-then-exit|write-forever> <root> <environment>");
            return 2;
        }

        var store = new ReleaseStateStore(root, historyLimit: 1000);
        switch (mode)
        {
            case "hold-lock":
                await using (await store.AcquireLockAsync(environment, "Deploy --release v7", CancellationToken.None))
                {
                    Console.WriteLine("locked");
                    await Console.In.ReadLineAsync();
                }

                return 0;
            case "hold-lock-then-exit":
                // Leaves without releasing: the OS drops the lock, the holder stays written in the file.
                await store.AcquireLockAsync(environment, "Deploy --release v7", CancellationToken.None);
                Console.WriteLine("locked");
                Environment.Exit(0);
                return 0;
            case "write-forever":
                var held = await store.AcquireLockAsync(environment, "Deploy --release forever", CancellationToken.None);
                var images = new Dictionary<string, string> { ["api"] = "smoke/api:forever" };
                for (var write = 1; ; write++)
                {
                    var state = await held.ReadStateAsync(CancellationToken.None);
                    var record = new ReleaseRecord(write.ToString(CultureInfo.InvariantCulture), $"v{write}", ReleaseAction.Deploy, images, null, "child", DateTimeOffset.UtcNow);
                    await held.WriteStateAsync(state with { Current = record, History = [record, .. state.History] }, CancellationToken.None);
                    Console.WriteLine($"wrote {write}");
                }

            default:
                await Console.Error.WriteLineAsync($"unknown mode {mode}");
                return 2;
        }
    }
}
