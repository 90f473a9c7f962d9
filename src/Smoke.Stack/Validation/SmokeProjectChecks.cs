using System.Xml;
using System.Xml.Linq;

namespace Smoke.Stack.Validation;

/// <summary>Each listed smoke test project exists and is a test project that <c>dotnet test</c> can run.</summary>
internal static class SmokeProjectChecks
{
    public static async Task CheckAsync(ComposeValidationRequest request, ProblemList problems, CancellationToken cancellationToken)
    {
        var baseDirectory = request.BaseDirectory
            ?? Path.GetDirectoryName(Path.GetFullPath(request.ComposeFile))
            ?? Directory.GetCurrentDirectory();
        foreach (var listed in request.SmokeTestProjects)
        {
            var path = Path.GetFullPath(listed, baseDirectory);
            if (ProjectFile(listed, path, problems) is { } projectFile)
            {
                await CheckIsTestProjectAsync(listed, projectFile, problems, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? ProjectFile(string listed, string path, ProblemList problems)
    {
        if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            if (File.Exists(path))
            {
                return path;
            }

            problems.Error(ConfigRule.SmokeProjectMissing, SourceLocation.Nowhere,
                $"smoke test project {listed} does not exist (looked for {path}): fix the path in the smoke test project list, or remove the entry");
            return null;
        }

        if (!Directory.Exists(path))
        {
            problems.Error(ConfigRule.SmokeProjectMissing, SourceLocation.Nowhere,
                $"smoke test project {listed} does not exist (looked for the directory {path}): fix the path in the smoke test project list, or remove the entry");
            return null;
        }

        var projects = Directory.GetFiles(path, "*.csproj");
        switch (projects.Length)
        {
            case 1:
                return projects[0];
            case 0:
                problems.Error(ConfigRule.SmokeProjectFileMissing, new SourceLocation(path),
                    $"smoke test project {listed} holds no .csproj, so there is nothing to build or run: create the test project there, or fix the path");
                return null;
            default:
                problems.Error(ConfigRule.SmokeProjectFileMissing, new SourceLocation(path),
                    $"smoke test project {listed} holds {projects.Length} .csproj files " +
                    $"({string.Join(", ", projects.Select(Path.GetFileName))}): list the .csproj to run instead of the directory");
                return null;
        }
    }

    private static async Task CheckIsTestProjectAsync(string listed, string projectFile, ProblemList problems, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            await using var stream = File.OpenRead(projectFile);
            document = await XDocument.LoadAsync(stream, LoadOptions.SetLineInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException exception)
        {
            problems.Error(ConfigRule.SmokeProjectFileMissing, new SourceLocation(projectFile, exception.LineNumber, exception.LinePosition),
                $"smoke test project {listed} is not valid XML ({exception.Message}): fix {Path.GetFileName(projectFile)} so that it builds");
            return;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(ConfigRule.SmokeProjectFileMissing, new SourceLocation(projectFile),
                $"smoke test project {listed} cannot be read ({exception.Message}): check its permissions");
            return;
        }

        var elements = document.Descendants().ToList();
        var referencesTestSdk = elements.Any(element =>
            element.Name.LocalName == "PackageReference"
            && string.Equals((string?)element.Attribute("Include"), "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
        var isTestProject = elements.Any(element =>
            element.Name.LocalName == "IsTestProject" && string.Equals(element.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
        if (!referencesTestSdk && !isTestProject)
        {
            var root = (IXmlLineInfo)document.Root!;
            problems.Error(ConfigRule.NotATestProject, new SourceLocation(projectFile, root.HasLineInfo() ? root.LineNumber : null, root.HasLineInfo() ? root.LinePosition : null),
                $"smoke test project {listed} is not a test project: {Path.GetFileName(projectFile)} neither references Microsoft.NET.Test.Sdk " +
                "nor sets <IsTestProject>true</IsTestProject>, so dotnet test would run nothing: add <PackageReference Include=\"Microsoft.NET.Test.Sdk\" /> " +
                "and a test framework such as xunit");
        }
    }
}
