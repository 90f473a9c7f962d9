using System.IO.Compression;

namespace Smoke.Build.Tests.Packaging;

/// <summary>Writes a .nupkg by hand (a zip with a nuspec and files), so validation can be tested on packages that are broken on purpose.</summary>
internal static class SyntheticPackage
{
    public const string Nuspec = """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd">
          <metadata>
            <id>{id}</id>
            <version>1.0.0</version>
            <authors>The Smoke developers</authors>
            <license type="expression">MIT</license>
            <readme>README.md</readme>
            <description>A library.</description>
            <repository type="git" commit="0123456789abcdef0123456789abcdef01234567" />
            <dependencies><group targetFramework="net10.0">{dependencies}</group></dependencies>
          </metadata>
        </package>
        """;

    public static void Write(string directory, string id, IReadOnlyDictionary<string, byte[]> files, string? nuspec = null, string dependencies = "")
    {
        using var zip = ZipFile.Open(Path.Combine(directory, $"{id}.1.0.0.nupkg"), ZipArchiveMode.Create);
        Add(zip, $"{id}.nuspec", System.Text.Encoding.UTF8.GetBytes((nuspec ?? Nuspec).Replace("{id}", id, StringComparison.Ordinal).Replace("{dependencies}", dependencies, StringComparison.Ordinal)));
        foreach (var (name, content) in files)
        {
            Add(zip, name, content);
        }
    }

    public static void WriteSymbols(string directory, string id, string pdbSourcePath)
    {
        using var zip = ZipFile.Open(Path.Combine(directory, $"{id}.1.0.0.snupkg"), ZipArchiveMode.Create);
        Add(zip, $"lib/net10.0/{id}.pdb", File.ReadAllBytes(pdbSourcePath));
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
