using System.Xml.Linq;
using Smoke.Pipeline;

namespace Smoke.Build.Tests.Packaging;

/// <summary>
/// The packed logger used the way a user would: a throw-away test project in a temp folder, restoring it from a local folder
/// feed (and xunit from nuget.org) into a private packages folder, then <c>dotnet test --logger junit</c> and nothing else.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class LoggerFromLocalFeedTests(PackedLibraries packed) : IDisposable
{
    private readonly string workspace = Directory.CreateTempSubdirectory("smoke-logger-feed-").FullName;

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    [Fact]
    public async Task A_test_project_referencing_the_packed_logger_gets_a_junit_file_from_logger_junit()
    {
        var project = Directory.CreateDirectory(Path.Combine(workspace, "FeedCheck.Tests")).FullName;
        var packages = Path.Combine(workspace, "packages");
        var results = Path.Combine(workspace, "results");
        await File.WriteAllTextAsync(Path.Combine(workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{packed.Directory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "FeedCheck.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{CentralVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{CentralVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{CentralVersion("xunit.runner.visualstudio")}" />
                <PackageReference Include="Smoke.JUnit.TestLogger" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "ArithmeticTests.cs"), """
            namespace FeedCheck.Tests;

            public class ArithmeticTests
            {
                [Xunit.Fact]
                public void One_and_one_make_two() => Xunit.Assert.Equal(2, 1 + 1);
            }
            """);

        var run = await Tool.RunAsync(
            PackedLibraries.DotNet,
            ["test", project, "--logger", "junit", "--results-directory", results, "-nologo"],
            workingDirectory: workspace,
            environment: IsolatedEnvironment(packages),
            quiet: true,
            allowFailure: true);

        Assert.True(run.ExitCode == 0, $"dotnet test exited with {run.ExitCode}:\n{string.Join('\n', run.Output.TakeLast(30))}");
        var junit = Assert.Single(Directory.GetFiles(results, "*.junit.xml"));
        var testcase = Assert.Single(XDocument.Load(junit).Descendants("testcase"));
        Assert.Contains("One_and_one_make_two", (string?)testcase.Attribute("name"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(packages, "smoke.junit.testlogger", packed.Version)), "the logger was not restored into the private packages folder");
    }

    /// <summary>The child restores into the private folder only, and inherits nothing from the MSBuild that runs these tests.</summary>
    private static Dictionary<string, string?> IsolatedEnvironment(string packages)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = packages };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        return environment;
    }

    private static string CentralVersion(string package) =>
        (string?)XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .SingleOrDefault(e => (string?)e.Attribute("Include") == package)?
            .Attribute("Version")
        ?? throw new InvalidOperationException($"Directory.Packages.props has no version for {package}");
}
