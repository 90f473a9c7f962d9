namespace Smoke.Release;

/// <summary>The release a rollback brings back, with the images and commit it ran.</summary>
/// <param name="Record">The passing record the images and commit come from.</param>
/// <param name="WasRequested">True when a release was named (<c>--release</c>), false for the last known good.</param>
public sealed record RollbackTarget(string Environment, ReleaseRecord Record, bool WasRequested)
{
    public string Release => Record.Release;

    public IReadOnlyDictionary<string, string> Images => Record.Images;

    public string? GitSha => Record.GitSha;

    /// <summary>
    /// The last known good release, or <paramref name="release"/> when named: it must have passed here
    /// before, because rolling back to a release never proven in this environment is a new deploy.
    /// </summary>
    /// <exception cref="NoPreviousReleaseException">No release ever passed in the environment.</exception>
    /// <exception cref="ReleaseNotInHistoryException">The named release never passed in the environment (or fell out of its history).</exception>
    public static RollbackTarget Resolve(ReleaseState state, string? release = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var passed = new[] { state.LastKnownGood }
            .Concat(state.History)
            .OfType<ReleaseRecord>()
            .Where(record => record.Verdict == ReleaseVerdict.Passed)
            .ToList();

        if (release is null)
        {
            return state.LastKnownGood is { } good
                ? new RollbackTarget(state.Environment, good, WasRequested: false)
                : throw new NoPreviousReleaseException(
                    state.Environment,
                    $"no previous release to roll back to in environment \"{state.Environment}\": no deploy there has passed its smoke tests yet " +
                        $"({DescribeHistory(state)}). Nothing was rolled back; fix the release and deploy again.");
        }

        if (passed.FirstOrDefault(record => record.Release == release) is { } named)
        {
            return new RollbackTarget(state.Environment, named, WasRequested: true);
        }

        var candidates = passed.Select(record => record.Release).Distinct().ToList();
        var seen = state.History.FirstOrDefault(record => record.Release == release);
        var why = seen is null
            ? "it is not in the environment's history"
            : $"it never passed its smoke tests there (its last deploy: {seen.Verdict.ToString().ToLowerInvariant()})";
        var instead = candidates.Count == 0
            ? "no release has passed there yet"
            : $"releases that passed there, newest first: {string.Join(", ", candidates)}";
        throw new ReleaseNotInHistoryException(
            state.Environment,
            release,
            candidates,
            $"cannot roll back environment \"{state.Environment}\" to release \"{release}\": {why}; {instead}. " +
                $"Name one of those, or deploy \"{release}\" as a new release instead.");
    }

    private static string DescribeHistory(ReleaseState state) =>
        state.History.Count == 0
            ? "it has no history"
            : "history: " + string.Join(", ", state.History.Take(5).Select(record => $"{record.Release} {record.Verdict.ToString().ToLowerInvariant()}"));
}
