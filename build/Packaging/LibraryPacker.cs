using System.Globalization;
using Smoke.Pipeline;

namespace Smoke.Build.Packaging;

/// <summary>Runs <c>dotnet pack</c> for one project: Release, CI paths (<c>/_/</c>) so builds are reproducible, SourceLink from the git remote.</summary>
internal static class LibraryPacker
{
    public static async Task PackAsync(string dotnet, string rootDirectory, PackedProject project, PackSettings settings, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "pack", project.ProjectPath(rootDirectory), "-nologo", "-c", PackSettings.Configuration,
            "-o", settings.OutputDirectory,
            "-p:ContinuousIntegrationBuild=true",
            "-p:PublishRepositoryUrl=true",
            "-p:EmbedUntrackedSources=true",
        ];
        if (settings.Version is { Length: > 0 } version)
        {
            arguments.Add($"-p:Version={version}");
        }

        if (settings.RepositoryUrl is { Length: > 0 } repository)
        {
            arguments.Add($"-p:RepositoryUrl={repository}");
        }

        if (settings.Timestamp is { } timestamp)
        {
            arguments.Add($"-p:DeterministicTimestamp={timestamp.ToString(CultureInfo.InvariantCulture)}");
        }

        await Tool.RunAsync(dotnet, arguments, workingDirectory: rootDirectory, quiet: true, cancellationToken: cancellationToken);
    }
}
