namespace Smoke.Build.Tests;

/// <summary>The checkout under test: the directory holding .nuke/, found upward from the test assembly.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no .nuke directory above {AppContext.BaseDirectory}: run the tests from a Smoke checkout");
    }
}
