using Smoke.Build.Packaging;

namespace Smoke.Build.Tests.Packaging;

public sealed class PackageValidatorTests : IDisposable
{
    private const string Id = "Smoke.Stack";
    private static readonly PackedProject Library = new(Id, PackageLayout.Library);
    private static readonly PackedProject Logger = new("Smoke.JUnit.TestLogger", PackageLayout.TestLogger);
    private static readonly byte[] Readme = "# Readme"u8.ToArray();

    private readonly string directory = Directory.CreateTempSubdirectory("smoke-validate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static PackageExpectation Expect(PackedProject project, bool xmlDocs = false) =>
        new(project, "1.0.0", xmlDocs, SourceLinked: false, RepositoryUrl: null, new HashSet<string>(StringComparer.Ordinal) { Id, "Smoke.Pipeline", Logger.Id });

    /// <summary>Any real portable pdb will do for a symbol package: this test assembly's own.</summary>
    private static string OwnPdb => Path.ChangeExtension(typeof(PackageValidatorTests).Assembly.Location, ".pdb");

    private Dictionary<string, byte[]> WholeLibrary() => new(StringComparer.Ordinal)
    {
        ["README.md"] = Readme,
        [$"lib/net10.0/{Id}.dll"] = [0x4d, 0x5a],
    };

    [Fact]
    public void A_whole_library_package_has_no_problems()
    {
        SyntheticPackage.Write(directory, Id, WholeLibrary());
        SyntheticPackage.WriteSymbols(directory, Id, OwnPdb);

        Assert.Empty(PackageValidator.Validate(directory, Expect(Library)));
    }

    [Fact]
    public void A_package_without_the_readme_its_nuspec_names_is_reported()
    {
        var files = WholeLibrary();
        files.Remove("README.md");
        SyntheticPackage.Write(directory, Id, files);
        SyntheticPackage.WriteSymbols(directory, Id, OwnPdb);

        var problem = Assert.Single(PackageValidator.Validate(directory, Expect(Library)));

        Assert.Equal("Smoke.Stack.1.0.0.nupkg: nuspec names the readme 'README.md', but the package has no such file; pack src/Smoke.Stack/README.md with PackagePath=\"/\"", problem);
    }

    [Fact]
    public void A_package_without_its_assembly_xml_docs_or_symbols_is_reported_for_each()
    {
        var files = WholeLibrary();
        files.Remove($"lib/net10.0/{Id}.dll");
        SyntheticPackage.Write(directory, Id, files);

        var problems = PackageValidator.Validate(directory, Expect(Library, xmlDocs: true));

        Assert.Equal(
            [
                "Smoke.Stack.1.0.0.nupkg: has no lib/net10.0/Smoke.Stack.dll",
                "Smoke.Stack.1.0.0.nupkg: has no lib/net10.0/Smoke.Stack.xml",
                "Smoke.Stack.1.0.0.nupkg: has no symbol package Smoke.Stack.1.0.0.snupkg; set <IncludeSymbols>true</IncludeSymbols> and <SymbolPackageFormat>snupkg</SymbolPackageFormat>",
            ],
            problems);
    }

    [Fact]
    public void Missing_license_and_a_dependency_on_an_unpacked_smoke_package_are_reported()
    {
        var nuspec = SyntheticPackage.Nuspec.Replace("<license type=\"expression\">MIT</license>", "", StringComparison.Ordinal);
        SyntheticPackage.Write(directory, Id, WholeLibrary(), nuspec, dependencies: "<dependency id=\"Smoke.Internal\" version=\"1.0.0\" /><dependency id=\"Smoke.Pipeline\" version=\"1.0.0\" />");
        SyntheticPackage.WriteSymbols(directory, Id, OwnPdb);

        var problems = PackageValidator.Validate(directory, Expect(Library));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.EndsWith("nuspec has no MIT license expression; Directory.Build.props sets <PackageLicenseExpression>MIT</PackageLicenseExpression>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("depends on Smoke.Internal, which is not packed; add it to the packed projects or drop the reference", StringComparison.Ordinal));
    }

    [Fact]
    public void A_logger_package_with_its_assembly_in_lib_and_no_props_is_reported()
    {
        SyntheticPackage.Write(directory, Logger.Id, new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["README.md"] = Readme,
            [$"lib/net10.0/{Logger.Id}.dll"] = File.ReadAllBytes(typeof(PackageValidatorTests).Assembly.Location),
            [$"build/net10.0/{Logger.Id}.dll"] = File.ReadAllBytes(typeof(PackageValidatorTests).Assembly.Location),
        });

        var problems = PackageValidator.Validate(directory, Expect(Logger));

        Assert.Contains($"Smoke.JUnit.TestLogger.1.0.0.nupkg: has no build/net10.0/{Logger.Id}.props", problems);
        Assert.Contains(problems, p => p.Contains("has an assembly under lib/: test projects would compile against the logger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no embedded pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_package_is_reported_as_missing()
    {
        var problem = Assert.Single(PackageValidator.Validate(directory, Expect(Library)));

        Assert.StartsWith("Smoke.Stack: no package in", problem, StringComparison.Ordinal);
    }
}
