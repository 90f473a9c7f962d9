namespace Smoke.Testing.Quality;

/// <summary>The time budgets of a smoke run: one per project (a default and overrides by project name) and one for the whole run.</summary>
public sealed record SuiteBudgets(SuiteBudget ProjectDefault, SuiteBudget Total)
{
    /// <summary>Budgets of particular projects, by project name (any case), e.g. <c>SmokeTests.Database</c>.</summary>
    public IReadOnlyDictionary<string, SuiteBudget> PerProject { get; init; } = new Dictionary<string, SuiteBudget>(StringComparer.OrdinalIgnoreCase);

    public SuiteBudget For(string project) =>
        PerProject.FirstOrDefault(pair => string.Equals(pair.Key, project, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match
            ? match.Value
            : ProjectDefault;

    /// <summary>Reads the budgets as the build's parameters hold them: <c>30s/60s</c> texts, overrides as <c>Project=30s/60s</c>.</summary>
    /// <exception cref="ArgumentException">A budget is malformed; the message names it and shows the expected form.</exception>
    public static SuiteBudgets Parse(string projectDefault, string total, IEnumerable<string> perProject)
    {
        ArgumentNullException.ThrowIfNull(perProject);
        var overrides = new Dictionary<string, SuiteBudget>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in perProject)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is not [{ Length: > 0 } project, var budget])
            {
                throw new ArgumentException($"suite budget \"{entry}\" is not Project=target/maximum; write it like \"SmokeTests.Database=30s/60s\"", nameof(perProject));
            }

            overrides[project] = SuiteBudget.Parse(budget, project);
        }

        return new SuiteBudgets(SuiteBudget.Parse(projectDefault, "every smoke project"), SuiteBudget.Parse(total, "the whole smoke run"))
        {
            PerProject = overrides,
        };
    }
}
