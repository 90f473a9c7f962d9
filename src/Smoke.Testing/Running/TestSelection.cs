using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>Turns the mode and <c>--only</c> into the projects to run and each one's filter.</summary>
internal sealed class TestSelection
{
    private TestSelection(IReadOnlyList<ProjectSelection> selected, IReadOnlyList<string> notSelected, IReadOnlyList<string> categories)
    {
        Selected = selected;
        NotSelected = notSelected;
        Categories = categories;
    }

    public IReadOnlyList<ProjectSelection> Selected { get; }

    public IReadOnlyList<string> NotSelected { get; }

    /// <summary>The <c>--only</c> names that are no project's name, so are taken as categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    public static string ProjectName(string projectPath) => Path.GetFileNameWithoutExtension(projectPath);

    public static TestSelection Choose(IReadOnlyList<string> projectPaths, SmokeRunMode mode, IReadOnlyList<string> only)
    {
        var names = only.Select(name => name.Trim()).Where(name => name.Length > 0).ToList();
        var categories = names
            .Where(name => !projectPaths.Any(path => Names(name, path)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var modeFilter = mode switch
        {
            SmokeRunMode.Quick => TestFilter.Quick,
            SmokeRunMode.Critical => TestFilter.Critical,
            _ => null,
        };
        var categoryFilter = categories.Count == 0
            ? null
            : TestFilter.AnyOf(categories.Select(category => TestFilter.Equals(TestTraits.Category, category)));

        var selected = new List<ProjectSelection>();
        var notSelected = new List<string>();
        foreach (var path in projectPaths)
        {
            if (names.Count == 0 || names.Any(name => Names(name, path)))
            {
                selected.Add(new ProjectSelection(ProjectName(path), path, modeFilter));
            }
            else if (categoryFilter is not null)
            {
                selected.Add(new ProjectSelection(ProjectName(path), path, TestFilter.AllOf(modeFilter, categoryFilter)));
            }
            else
            {
                notSelected.Add(ProjectName(path));
            }
        }

        return new TestSelection(selected, notSelected, categories);
    }

    /// <summary>A project is named by its name in any case, or by its path.</summary>
    private static bool Names(string name, string projectPath) =>
        string.Equals(name, ProjectName(projectPath), StringComparison.OrdinalIgnoreCase)
        || (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            && string.Equals(Path.GetFullPath(name), Path.GetFullPath(projectPath), StringComparison.Ordinal));
}
