namespace Smoke.Pipeline;

/// <summary>
/// Target names as NUKE reads them: <c>Compile+Test</c> names two targets, dashes are dropped (<c>run-tests</c> is RunTests)
/// and case is ignored. An unknown name is invalid usage, with a suggestion.
/// </summary>
internal static class TargetNames
{
    private const char Separator = '+';

    public static List<TargetNode> Resolve(IEnumerable<string> names, IReadOnlyList<TargetNode> targets) =>
    [
        .. names
            .SelectMany(name => name.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(name => Find(name, targets))
            .Distinct(),
    ];

    private static TargetNode Find(string name, IReadOnlyList<TargetNode> targets)
    {
        var withoutDashes = name.Replace("-", "", StringComparison.Ordinal);
        return targets.FirstOrDefault(t => t.Name.Equals(withoutDashes, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException(
                $"Unknown target '{name}'.{Suggestions.DidYouMean(withoutDashes, targets.Select(t => t.Name))} Run with --help to list targets.");
    }
}
