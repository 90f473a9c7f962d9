using Smoke.Shared;

namespace Smoke.Stack.Validation;

/// <summary>Suggests the closest known name for a misspelt one.</summary>
internal static class DidYouMean
{
    /// <summary><c> (did you mean "x"?)</c> when a candidate is a few edits away, otherwise empty.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: EditDistance.Between(name, candidate)))
            .Where(entry => !string.Equals(entry.candidate, name, StringComparison.Ordinal) && entry.distance <= Math.Max(2, entry.candidate.Length / 4))
            .OrderBy(entry => entry.distance)
            .Select(entry => entry.candidate)
            .FirstOrDefault();
        return best is null ? "" : $" (did you mean \"{best}\"?)";
    }
}
