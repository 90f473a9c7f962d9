using System.Text.RegularExpressions;
using System.Xml.Linq;
using Smoke.Shared;

namespace Smoke.Testing.Running;

/// <summary>
/// Builds every smoke project in one <c>dotnet build</c> of a generated solution, so shared dependencies build once
/// and in parallel; MSBuild goes on with the other projects when one fails, and each error line names its project.
/// </summary>
internal static partial class SmokeProjectBuild
{
    private const int ErrorsInNote = 10;

    /// <summary>The projects that did not build, by path; an empty answer means all of them built.</summary>
    public static async Task<IReadOnlyDictionary<string, BuildProblem>> BuildAsync(
        IReadOnlyList<string> projectPaths,
        SmokeRunOptions options,
        DotnetCli dotnet,
        SecretMask mask,
        CancellationToken cancellationToken)
    {
        if (projectPaths.Count == 0)
        {
            return new Dictionary<string, BuildProblem>();
        }

        var workDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"smoke-build-{Guid.NewGuid():N}")).FullName;
        try
        {
            var target = projectPaths.Count == 1 ? projectPaths[0] : await WriteSolutionAsync(projectPaths, workDirectory, cancellationToken).ConfigureAwait(false);
            List<string> arguments = ["build", target, "--configuration", options.Configuration, "-nologo", "-consoleLoggerParameters:NoSummary"];
            if (!options.UseBuildServers)
            {
                arguments.Add("--disable-build-servers");
            }

            var result = await dotnet.RunAsync(arguments, workDirectory, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0
                ? new Dictionary<string, BuildProblem>()
                : Attribute(projectPaths, result.Output.Select(mask.Apply).ToList(), result.ExitCode, options.OutputTailLines);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static async Task<string> WriteSolutionAsync(IReadOnlyList<string> projectPaths, string directory, CancellationToken cancellationToken)
    {
        var solution = new XElement("Solution", projectPaths.Select(path => new XElement("Project", new XAttribute("Path", path))));
        var path = Path.Combine(directory, "smoke-tests.slnx");
        await File.WriteAllTextAsync(path, solution.ToString(), cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>
    /// Gives each project its own error lines. Errors that name no smoke project (a shared library, restore) may
    /// have stopped any of them, so then every project without errors of its own is reported with those.
    /// </summary>
    private static Dictionary<string, BuildProblem> Attribute(IReadOnlyList<string> projectPaths, List<string> output, int exitCode, int tailLines)
    {
        var errors = output
            .Select(line => ErrorLine().Match(line))
            .Where(match => match.Success)
            .Select(match => (Text: match.Groups["text"].Value.Trim(), Project: match.Groups["project"].Value))
            .Distinct()
            .ToList();
        var tail = output.TakeLast(tailLines).ToList();
        var problems = new Dictionary<string, BuildProblem>(StringComparer.Ordinal);
        foreach (var path in projectPaths)
        {
            var own = errors.Where(error => SamePath(error.Project, path)).Select(error => error.Text).ToList();
            if (own.Count > 0)
            {
                problems[path] = new BuildProblem(Describe($"{TestSelection.ProjectName(path)} did not compile", own), tail);
            }
        }

        var elsewhere = errors.Where(error => !projectPaths.Any(path => SamePath(error.Project, path))).Select(error => error.Text).ToList();
        if (elsewhere.Count > 0 || problems.Count == 0)
        {
            var note = elsewhere.Count > 0
                ? Describe("the build failed outside the smoke projects (a dependency or the restore), so this project may not be built", elsewhere)
                : $"dotnet build exited with code {exitCode} without an error line naming a project; see the output below";
            foreach (var path in projectPaths.Where(path => !problems.ContainsKey(path)))
            {
                problems[path] = new BuildProblem(note, tail);
            }
        }

        return problems;
    }

    private static string Describe(string what, List<string> errors) =>
        $"{what}: {string.Join("; ", errors.Take(ErrorsInNote))}"
        + (errors.Count > ErrorsInNote ? $" and {errors.Count - ErrorsInNote} more errors" : string.Empty)
        + ". Fix the errors and run again; `dotnet build` of the project shows them all.";

    private static bool SamePath(string a, string b) =>
        a.Length > 0 && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<text>.*?\berror\b.*?)\s*\[(?<project>[^\[\]]+\.\w+proj)(::[^\]]*)?\]\s*$")]
    private static partial Regex ErrorLine();
}
