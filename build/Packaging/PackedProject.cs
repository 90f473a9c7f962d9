namespace Smoke.Build.Packaging;

/// <summary>A library Smoke ships as a package; <see cref="Id"/> is also its project, assembly and directory name under src/.</summary>
internal sealed record PackedProject(string Id, PackageLayout Layout)
{
    public static IReadOnlyList<PackedProject> All { get; } =
    [
        new("Smoke.Processes", PackageLayout.Library),
        new("Smoke.Pipeline", PackageLayout.Library),
        new("Smoke.Stack", PackageLayout.Library),
        new("Smoke.Testing", PackageLayout.Library),
        new("Smoke.JUnit.TestLogger", PackageLayout.TestLogger),
        new("Smoke.GitHub", PackageLayout.Library),
        new("Smoke.Release", PackageLayout.Library),
    ];

    public string ProjectPath(string rootDirectory) => Path.Combine(rootDirectory, "src", Id, Id + ".csproj");

    /// <summary>The build output <c>dotnet pack -c Release</c> leaves behind, which tells whether XML docs were generated.</summary>
    public string OutputDirectory(string rootDirectory) => Path.Combine(rootDirectory, "src", Id, "bin", PackSettings.Configuration, "net10.0");
}
