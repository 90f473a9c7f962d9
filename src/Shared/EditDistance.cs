namespace Smoke.Shared;

/// <summary>
/// How many single-character edits turn one name into another (Levenshtein), for the "did you mean" of each message
/// that names an unknown thing. The one copy: Smoke.Pipeline, Smoke.Stack and the build link this file, since Smoke.Stack
/// references no other project of ours.
/// </summary>
internal static class EditDistance
{
    public static int Between(string from, string to, bool ignoreCase = true)
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
                var substitution = previous[j - 1] + (Same(from[i - 1], to[j - 1], ignoreCase) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        ignoreCase ? char.ToUpperInvariant(a) == char.ToUpperInvariant(b) : a == b;
}
