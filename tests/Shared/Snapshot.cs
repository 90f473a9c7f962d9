namespace Smoke.Tests.Shared;

/// <summary>
/// Exact comparison with a file under the test project's Snapshots/ folder. To accept new output, run the tests with
/// <c>UPDATE_SNAPSHOTS=1</c> (e.g. <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Smoke.Pipeline.Tests</c>) and review the diff.
/// Linked as source into each test project that compares whole outputs.
/// </summary>
internal static class Snapshot
{
    // Found from the test assembly's folder, not from [CallerFilePath]: CI builds map source paths to /_/.
    private static readonly string Folder = FindFolder();

    /// <param name="name">The file under Snapshots/, with its extension (<c>Help.txt</c>, <c>summary-failed.md</c>).</param>
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run the tests with UPDATE_SNAPSHOTS=1 to create it, and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.Tests.csproj").Any())
            {
                return Path.Combine(directory.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"no test project above {AppContext.BaseDirectory}: run the tests from the checkout");
    }
}
