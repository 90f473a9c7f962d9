using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

/// <summary>The broken compose files and profiles under Validation/Corpus, copied next to the test assembly.</summary>
internal static class ValidationCorpus
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Validation", "Corpus", name);

    public static Task<ConfigValidationReport> ValidateAsync(string composeFile, string profile = "dev", params string[] envFiles) =>
        ComposeValidator.ValidateAsync(new ComposeValidationRequest
        {
            ComposeFile = PathOf(composeFile),
            Profile = profile,
            EnvFiles = [.. envFiles.Select(PathOf)],
        });

    public static IReadOnlyList<ConfigProblem> Only(this ConfigValidationReport report, string rule) =>
        [.. report.Problems.Where(problem => problem.Rule == rule)];

    public static IEnumerable<int?> Lines(this IEnumerable<ConfigProblem> problems) => problems.Select(problem => problem.Line);
}
