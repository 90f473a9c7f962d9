namespace Smoke.Stack.Tests.Validation;

/// <summary>The repository's own compose file and dev env file, found by walking up from the test assembly.</summary>
internal static class BundledPlatform
{
    public static string Root { get; } = FindRoot();

    public static string ComposeFile => Path.Combine(Root, "docker-compose.services.yml");

    public static string DevEnvFile => Path.Combine(Root, ".env.dev");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docker-compose.services.yml")) && File.Exists(Path.Combine(directory.FullName, ".env.dev")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"no directory above {AppContext.BaseDirectory} holds docker-compose.services.yml and .env.dev; run the tests from inside the repository");
    }
}
