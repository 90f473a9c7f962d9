namespace Smoke.Stack.Validation;

/// <summary>Suggests the closest known name for a misspelt one.</summary>
internal static class DidYouMean
{
    /// <summary><c> (did you mean "x"?)</c> when a candidate is a few edits away, otherwise empty.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(entry => !string.Equals(entry.candidate, name, StringComparison.Ordinal) && entry.distance <= Math.Max(2, entry.candidate.Length / 4))
            .OrderBy(entry => entry.distance)
            .Select(entry => entry.candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean \"{best}\"?)";
    }

    private static int Distance(string from, string to)
    {
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (var j = 0; j <= to.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(from[i - 1]) == char.ToLowerInvariant(to[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }
}
