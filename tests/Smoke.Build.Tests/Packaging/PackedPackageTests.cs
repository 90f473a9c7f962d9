using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using Smoke.Build.Packaging;

namespace Smoke.Build.Tests.Packaging;

[Collection(PackagingCollection.Name)]
public sealed class PackedPackageTests(PackedLibraries packed)
{
    [Fact]
    public void Packed_packages_hold_every_file_they_claim()
    {
        var problems = new[] { PackedLibraries.Logger, PackedLibraries.Pipeline }
            .SelectMany(project => PackageValidator.Validate(packed.Directory, packed.Expect(project)))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_logger_ships_under_build_with_a_props_file_and_no_reference_for_test_projects()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packed.Directory, $"Smoke.JUnit.TestLogger.{packed.Version}.nupkg"));

        var files = package.Entries.Select(e => e.FullName).Where(f => !f.StartsWith('_') && !f.StartsWith("package/", StringComparison.Ordinal) && !f.StartsWith('['));

        Assert.Equal(
            ["README.md", "Smoke.JUnit.TestLogger.nuspec", "build/net10.0/Smoke.JUnit.TestLogger.dll", "build/net10.0/Smoke.JUnit.TestLogger.props", "lib/net10.0/_._"],
            files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_library_package_carries_readme_license_repository_and_symbols()
    {
        var path = Path.Combine(packed.Directory, $"Smoke.Pipeline.{packed.Version}.nupkg");
        using var package = ZipFile.OpenRead(path);
        using var nuspec = package.GetEntry("Smoke.Pipeline.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Meta(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal("MIT", Meta("license"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.NotNull(package.GetEntry("lib/net10.0/Smoke.Pipeline.dll"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(path, ".snupkg"));
        Assert.NotNull(symbols.GetEntry("lib/net10.0/Smoke.Pipeline.pdb"));
    }

    [Fact]
    public void Every_file_in_a_package_is_stamped_with_the_commit_time()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packed.Directory, $"Smoke.Pipeline.{packed.Version}.nupkg"));
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(packed.Timestamp);

        Assert.All(package.Entries, entry => Assert.True(
            Math.Abs((entry.LastWriteTime.UtcDateTime - commitTime.UtcDateTime).TotalDays) < 1.01,
            $"{entry.FullName} is stamped {entry.LastWriteTime:u}, not near the commit time {commitTime:u}"));
    }

    [Fact]
    public async Task Packing_the_same_commit_twice_gives_the_same_bytes()
    {
        var again = Directory.CreateTempSubdirectory("smoke-packages-again-").FullName;
        try
        {
            await packed.PackAsync(again, CancellationToken.None);

            foreach (var file in Directory.GetFiles(packed.Directory).Select(Path.GetFileName))
            {
                Assert.True(
                    Hash(Path.Combine(packed.Directory, file!)) == Hash(Path.Combine(again, file!)),
                    $"{file} differs between two packs of the same commit");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
