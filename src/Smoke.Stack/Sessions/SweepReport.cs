namespace Smoke.Stack.Sessions;

/// <summary>What a sweep removed, and what it could not.</summary>
public sealed record SweepReport(IReadOnlyList<SweptResource> Removed, IReadOnlyList<string> Failures)
{
    public bool IsEmpty => Removed.Count == 0 && Failures.Count == 0;

    /// <summary>One line for the log: <c>swept 2 containers, 1 network, 0 volumes of runs ab12cd34</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "nothing to sweep";
        }

        int Count(SweptResourceKind kind) => Removed.Count(r => r.Kind == kind);
        var runs = string.Join(", ", Removed.Select(r => r.RunId).Distinct());
        var text = $"swept {Count(SweptResourceKind.Container)} containers, {Count(SweptResourceKind.Network)} networks, {Count(SweptResourceKind.Volume)} volumes";
        text += runs.Length > 0 ? $" of runs {runs}" : "";
        return Failures.Count == 0 ? text : $"{text}; could not remove: {string.Join("; ", Failures)}";
    }
}
