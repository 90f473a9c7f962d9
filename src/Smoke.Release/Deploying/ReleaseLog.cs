namespace Smoke.Release;

/// <summary>
/// Where a deploy or rollback says what it does. The library writes to no console of its own: the build wires these
/// to its log, and tests collect the lines.
/// </summary>
public sealed record ReleaseLog(Action<string> Info, Action<string> Warn, Action<string> Success)
{
    /// <summary>Detail worth seeing only when asked for, such as the progress of an image pull.</summary>
    public Action<string> Debug { get; init; } = _ => { };

    /// <summary>Where the deploy's section of the job summary goes (the build's <c>Log.SummaryAsync</c>, GitHub's job summary).</summary>
    public Func<string, CancellationToken, Task> Summary { get; init; } = (_, _) => Task.CompletedTask;
}
