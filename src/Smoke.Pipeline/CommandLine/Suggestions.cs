namespace Smoke.Pipeline;

/// <summary>"Did you mean" by edit distance, ignoring case.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        var closest = candidates
            .Select(c => (Candidate: c, Distance: Distance(input.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, input.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
        return closest is null ? "" : $" Did you mean '{prefix}{closest}'?";
    }

    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
