namespace Smoke.Pipeline.Tests;

/// <summary>
/// Exact comparison with a file under Snapshots/. To accept new output, run
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Smoke.Pipeline.Tests</c> and review the diff.
/// </summary>
internal static class Snapshot
{
    // Found from the test assembly's folder, not from [CallerFilePath]: CI builds map source paths to /_/.
    private static readonly string Folder = FindFolder();

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name + ".txt");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run UPDATE_SNAPSHOTS=1 dotnet test tests/Smoke.Pipeline.Tests to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Smoke.Pipeline.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"no Smoke.Pipeline.Tests.csproj above {AppContext.BaseDirectory}: run the tests from the checkout");
    }
}
