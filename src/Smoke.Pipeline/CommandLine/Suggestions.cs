using Smoke.Shared;

namespace Smoke.Pipeline;

/// <summary>"Did you mean" by edit distance, ignoring case.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        var closest = candidates
            .Select(c => (Candidate: c, Distance: EditDistance.Between(input, c)))
            .Where(c => c.Distance <= Math.Max(2, input.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
        return closest is null ? "" : $" Did you mean '{prefix}{closest}'?";
    }
}
