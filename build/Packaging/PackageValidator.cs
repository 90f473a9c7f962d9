using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml;
using System.Xml.Linq;

namespace Smoke.Build.Packaging;

/// <summary>Opens a .nupkg (and its .snupkg) as the zip files they are and checks that they hold what the nuspec and the layout promise.</summary>
internal static class PackageValidator
{
    private const string TargetFramework = "net10.0";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    /// <summary>Every problem found, each naming the package and what to fix; empty when the package is whole.</summary>
    public static IReadOnlyList<string> Validate(string packageDirectory, PackageExpectation expected)
    {
        var id = expected.Project.Id;
        var candidates = Directory.Exists(packageDirectory)
            ? Directory.EnumerateFiles(packageDirectory, $"{id}.*.nupkg").Where(f => IsPackageOf(id, Path.GetFileName(f))).ToList()
            : [];
        if (candidates.Count != 1)
        {
            return [candidates.Count == 0
                ? $"{id}: no package in {packageDirectory}; dotnet pack of src/{id} did not produce one"
                : $"{id}: {candidates.Count} packages in {packageDirectory} ({string.Join(", ", candidates.Select(Path.GetFileName))}); pack into an empty directory"];
        }

        var path = candidates[0];
        var name = Path.GetFileNameWithoutExtension(path);

        var problems = new List<string>();
        void Problem(string message) => problems.Add($"{name}.nupkg: {message}");

        using var package = ZipFile.OpenRead(path);
        var files = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspecEntry = package.GetEntry(id + ".nuspec");
        if (nuspecEntry is null)
        {
            Problem($"has no {id}.nuspec at its root");
            return problems;
        }

        XElement metadata;
        try
        {
            using var stream = nuspecEntry.Open();
            metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
                ?? new XElement("metadata");
        }
        catch (XmlException e)
        {
            Problem($"{id}.nuspec is not valid XML: {e.Message}");
            return problems;
        }

        string? Meta(string element) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;
        XElement? MetaElement(string element) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element);

        if (Meta("id") != id)
        {
            Problem($"nuspec id is '{Meta("id")}', expected '{id}'");
        }

        if (expected.Version is { } version && Meta("version") != version)
        {
            Problem($"nuspec version is '{Meta("version")}', expected '{expected.Version}'");
        }

        foreach (var required in new[] { "authors", "description" })
        {
            if (string.IsNullOrWhiteSpace(Meta(required)))
            {
                Problem($"nuspec has no {required}; set <{char.ToUpperInvariant(required[0])}{required[1..]}> in the project or Directory.Build.props");
            }
        }

        if (MetaElement("license") is not { } license || (string?)license.Attribute("type") != "expression" || license.Value != "MIT")
        {
            Problem("nuspec has no MIT license expression; Directory.Build.props sets <PackageLicenseExpression>MIT</PackageLicenseExpression>");
        }

        if (Meta("readme") is not { Length: > 0 } readme)
        {
            Problem($"nuspec names no readme; set <PackageReadmeFile>README.md</PackageReadmeFile> in src/{id}/{id}.csproj");
        }
        else if (!files.Contains(readme))
        {
            Problem($"nuspec names the readme '{readme}', but the package has no such file; pack src/{id}/README.md with PackagePath=\"/\"");
        }

        CheckRepository(MetaElement("repository"), expected, Problem);
        CheckDependencies(metadata, expected, Problem);

        var assembly = $"{id}.dll";
        switch (expected.Project.Layout)
        {
            case PackageLayout.Library:
                CheckFile(files, $"lib/{TargetFramework}/{assembly}", Problem);
                if (expected.HasXmlDocs)
                {
                    CheckFile(files, $"lib/{TargetFramework}/{id}.xml", Problem);
                }

                CheckSymbols(Path.ChangeExtension(path, ".snupkg"), id, expected.SourceLinked, Problem);
                break;
            case PackageLayout.TestLogger:
                CheckFile(files, $"build/{TargetFramework}/{assembly}", Problem);
                CheckFile(files, $"build/{TargetFramework}/{id}.props", Problem);
                if (files.Any(f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)))
                {
                    Problem("has an assembly under lib/: test projects would compile against the logger; ship it under build/ only");
                }

                CheckLoggerProps(package, $"build/{TargetFramework}/{id}.props", assembly, Problem);
                CheckEmbeddedSymbols(package, $"build/{TargetFramework}/{assembly}", expected.SourceLinked, Problem);
                break;
        }

        return problems;
    }

    /// <summary><c>Smoke.Stack.1.0.0.nupkg</c> is a package of Smoke.Stack; <c>Smoke.Stack.Tools.1.0.0.nupkg</c> is not.</summary>
    private static bool IsPackageOf(string id, string fileName) =>
        fileName.Length > id.Length + 1 && char.IsAsciiDigit(fileName[id.Length + 1]) && fileName.StartsWith(id + ".", StringComparison.Ordinal);

    private static void CheckRepository(XElement? repository, PackageExpectation expected, Action<string> problem)
    {
        if (repository is null || (string?)repository.Attribute("type") != "git")
        {
            problem("nuspec has no git repository element; RepositoryType is set in Directory.Build.props");
            return;
        }

        if (string.IsNullOrEmpty((string?)repository.Attribute("commit")))
        {
            problem("nuspec repository has no commit; pack from a git checkout");
        }

        if (expected.RepositoryUrl is { } url && (string?)repository.Attribute("url") != url)
        {
            problem($"nuspec repository url is '{(string?)repository.Attribute("url")}', expected '{url}'");
        }
    }

    private static void CheckDependencies(XElement metadata, PackageExpectation expected, Action<string> problem)
    {
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id") ?? "")
            .Where(d => d.StartsWith("Smoke.", StringComparison.Ordinal));
        foreach (var dependency in dependencies.Where(d => !expected.PackedIds.Contains(d)))
        {
            problem($"depends on {dependency}, which is not packed; add it to the packed projects or drop the reference");
        }
    }

    private static void CheckFile(HashSet<string> files, string file, Action<string> problem)
    {
        if (!files.Contains(file))
        {
            problem($"has no {file}");
        }
    }

    private static void CheckLoggerProps(ZipArchive package, string propsPath, string assembly, Action<string> problem)
    {
        if (package.GetEntry(propsPath) is not { } entry)
        {
            return;
        }

        XDocument props;
        try
        {
            using var stream = entry.Open();
            props = XDocument.Load(stream);
        }
        catch (XmlException e)
        {
            problem($"{propsPath} is not valid XML ({e.Message}); NuGet would fail every restore that imports it");
            return;
        }

        var copied = props.Descendants()
            .Where(e => e.Name.LocalName == "None")
            .Any(e => ((string?)e.Attribute("Include") ?? "").EndsWith(assembly, StringComparison.Ordinal)
                && (string?)e.Attribute("CopyToOutputDirectory") is "PreserveNewest" or "Always");
        if (!copied)
        {
            problem($"{propsPath} does not copy {assembly} to the output directory, so VSTest would not find the logger");
        }
    }

    private static void CheckSymbols(string symbolsPath, string id, bool sourceLinked, Action<string> problem)
    {
        var name = Path.GetFileName(symbolsPath);
        if (!File.Exists(symbolsPath))
        {
            problem($"has no symbol package {name}; set <IncludeSymbols>true</IncludeSymbols> and <SymbolPackageFormat>snupkg</SymbolPackageFormat>");
            return;
        }

        using var symbols = ZipFile.OpenRead(symbolsPath);
        var pdbPath = $"lib/{TargetFramework}/{id}.pdb";
        if (symbols.GetEntry(pdbPath) is not { } pdb)
        {
            problem($"{name} has no {pdbPath}");
            return;
        }

        using var buffer = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(buffer);
        if (sourceLinked && !HasSourceLink(provider.GetMetadataReader()))
        {
            problem($"{name}: {pdbPath} has no SourceLink map; pack from a checkout with a git remote");
        }
    }

    private static void CheckEmbeddedSymbols(ZipArchive package, string assemblyPath, bool sourceLinked, Action<string> problem)
    {
        if (package.GetEntry(assemblyPath) is not { } entry)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var embedded = pe.ReadDebugDirectory().FirstOrDefault(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (embedded.Type != DebugDirectoryEntryType.EmbeddedPortablePdb)
        {
            problem($"{assemblyPath} has no embedded pdb; set <DebugType>embedded</DebugType>, since symbol packages only carry lib/ assemblies");
            return;
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        if (sourceLinked && !HasSourceLink(provider.GetMetadataReader()))
        {
            problem($"{assemblyPath}: its embedded pdb has no SourceLink map; pack from a checkout with a git remote");
        }
    }

    private static bool HasSourceLink(MetadataReader reader) =>
        reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation).Any(i => reader.GetGuid(i.Kind) == SourceLinkKind);
}
