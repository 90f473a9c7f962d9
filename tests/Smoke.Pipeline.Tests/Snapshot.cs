using System.Runtime.CompilerServices;

namespace Smoke.Pipeline.Tests;

/// <summary>
/// Exact comparison with a file under Snapshots/. To accept new output, run
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Smoke.Pipeline.Tests</c> and review the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots", name + ".txt");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run UPDATE_SNAPSHOTS=1 dotnet test tests/Smoke.Pipeline.Tests to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
