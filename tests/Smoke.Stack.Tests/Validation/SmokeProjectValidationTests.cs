using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class SmokeProjectValidationTests : IDisposable
{
    private const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" />
            <PackageReference Include="xunit" />
          </ItemGroup>
        </Project>
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smoke-validation-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<ConfigValidationReport> ValidateAsync(params string[] projects) =>
        ComposeValidator.ValidateAsync(new ComposeValidationRequest
        {
            ComposeFile = BundledPlatform.ComposeFile,
            EnvFiles = [BundledPlatform.DevEnvFile],
            SmokeTestProjects = projects,
            BaseDirectory = _root.FullName,
        });

    [Fact]
    public async Task Test_projects_given_by_directory_or_project_file_pass()
    {
        Write("smoke/Api.Smoke/Api.Smoke.csproj", TestProject);
        Write("smoke/Flagged/Flagged.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>");

        var report = await ValidateAsync("smoke/Api.Smoke", "smoke/Flagged/Flagged.csproj");

        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_listed_project_that_does_not_exist_is_an_error()
    {
        var report = await ValidateAsync("smoke/Gone", "smoke/Gone/Gone.csproj");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.SmokeProjectMissing, problem.Rule));
        Assert.Equal(2, report.Problems.Count);
        Assert.StartsWith("smoke test project smoke/Gone does not exist", report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_exactly_one_project_file_is_an_error()
    {
        Write("smoke/Empty/README.md", "no project here");
        Write("smoke/Two/One.csproj", TestProject);
        Write("smoke/Two/Other.csproj", TestProject);

        var report = await ValidateAsync("smoke/Empty", "smoke/Two");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.SmokeProjectFileMissing, problem.Rule));
        Assert.Contains(report.Problems, problem => problem.Message.StartsWith("smoke test project smoke/Empty holds no .csproj", StringComparison.Ordinal));
        Assert.Contains(report.Problems, problem => problem.Message.StartsWith("smoke test project smoke/Two holds 2 .csproj files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_that_is_not_a_test_project_is_an_error_at_the_project_file()
    {
        var library = Write("smoke/Library/Library.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup />\n</Project>\n");

        var report = await ValidateAsync("smoke/Library");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.NotATestProject, problem.Rule);
        Assert.Equal((library, 1), (problem.File, problem.Line));
        Assert.Contains("neither references Microsoft.NET.Test.Sdk nor sets <IsTestProject>true</IsTestProject>", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_file_that_is_not_XML_is_an_error_with_its_line()
    {
        var broken = Write("smoke/Broken/Broken.csproj", "<Project>\n  <ItemGroup>\n</Project>\n");

        var report = await ValidateAsync("smoke/Broken");

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ConfigRule.SmokeProjectFileMissing, broken, 3), (problem.Rule, problem.File, problem.Line));
        Assert.Contains("is not valid XML", problem.Message, StringComparison.Ordinal);
    }
}
