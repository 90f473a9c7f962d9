using Smoke.Build.Packaging;
using Smoke.Pipeline;

namespace Smoke.Build.Tests.Packaging;

/// <summary>
/// The logger and one library packed once from this checkout, the way the Pack target does, into a temp folder. The version
/// is unique per run so no NuGet cache can serve a stale copy of the logger.
/// </summary>
public sealed class PackedLibraries : IAsyncLifetime
{
    internal static readonly PackedProject Logger = PackedProject.All.Single(p => p.Layout == PackageLayout.TestLogger);
    internal static readonly PackedProject Pipeline = PackedProject.All.Single(p => p.Id == "Smoke.Pipeline");

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("smoke-packages-").FullName;

    public string Version { get; } = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public long Timestamp { get; private set; }

    public bool HasSourceLinkRemote { get; private set; }

    public static string DotNet => Environment.GetEnvironmentVariable("SMOKE_DOTNET") is { Length: > 0 } path ? path : "dotnet";

    public async Task InitializeAsync()
    {
        var origin = await Tool.RunAsync("git", ["remote", "get-url", "origin"], RepositoryRoot.Path, quiet: true, allowFailure: true);
        HasSourceLinkRemote = origin.ExitCode == 0 && SourceLinkRemote.CanMap(origin.Output.FirstOrDefault()?.Trim());
        var time = await Tool.RunAsync("git", ["log", "-1", "--format=%ct"], RepositoryRoot.Path, quiet: true);
        Timestamp = long.Parse(time.Output[0], System.Globalization.CultureInfo.InvariantCulture);
        await PackAsync(Directory, CancellationToken.None);
    }

    public async Task PackAsync(string directory, CancellationToken cancellationToken)
    {
        var settings = new PackSettings(directory, Version, RepositoryUrl: null, Timestamp);
        foreach (var project in new[] { Logger, Pipeline })
        {
            await LibraryPacker.PackAsync(DotNet, RepositoryRoot.Path, project, settings, cancellationToken);
        }
    }

    internal PackageExpectation Expect(PackedProject project) => new(
        project,
        Version,
        HasXmlDocs: false,
        SourceLinked: HasSourceLinkRemote,
        RepositoryUrl: null,
        PackedProject.All.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
