namespace Smoke.Pipeline.Tests;

/// <summary>
/// Shaped like the smoke build: the test projects compile in the background while the stack comes up and gets healthy.
/// CompileTests cannot finish before WaitHealthy started, and WaitHealthy cannot finish before CompileTests ended, so
/// the build completes only if the two overlap.
/// </summary>
internal sealed class BackgroundBuild : JournaledBuild
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Parameter("How CompileTests ends: succeed, fail or hang")]
    public string CompileEnds { get; set; } = "succeed";

    public Target ComposeUp => _ => _.Executes(() => Ran(nameof(ComposeUp)));

    [Parameter("How WaitHealthy ends: ready, or fail once CompileTests is compiling")]
    public string HealthEnds { get; set; } = "ready";

    public Target WaitHealthy => _ => _.DependsOn(ComposeUp).Executes(async cancellationToken =>
    {
        Ran("WaitHealthy started");
        Log.Info("api is starting");
        Journal.Signal("waiting for health").SetResult();
        if (HealthEnds == "fail")
        {
            await Journal.Signal("compiling").Task.WaitAsync(Patience, cancellationToken);
            throw new BuildFailedException("api never became ready");
        }

        await Ended(nameof(CompileTests), cancellationToken).WaitAsync(Patience, cancellationToken);
        Log.Info("api is ready");
        Ran("WaitHealthy finished");
    });

    public Target SmokeTests => _ => _.DependsOn(CompileTests, WaitHealthy).Executes(() => Ran(nameof(SmokeTests)));

    public Target Docs => _ => _.After(WaitHealthy, Lint).Executes(() => Ran(nameof(Docs)));

    public Target ComposeDown => _ => _
        .TriggeredBy(ComposeUp)
        .After(SmokeTests, Docs)
        .AssuredAfterFailure()
        .Executes(() => Ran(nameof(ComposeDown)));

    // Declared late on purpose: the planner still puts it first.
    public Target CompileTests => _ => _.InBackground().Executes(async cancellationToken =>
    {
        await Journal.Signal("waiting for health").Task.WaitAsync(Patience, cancellationToken);
        Log.Info("compile line 1");
        Log.Info("compile line 2");
        switch (CompileEnds)
        {
            case "fail":
                throw new BuildFailedException("CS0246: type 'ApiClient' not found");
            case "hang":
                Journal.Signal("compiling").SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        Ran("CompileTests finished");
    });

    public Target Lint => _ => _.InBackground().ProceedAfterFailure().Executes(async () =>
    {
        await Task.Yield();
        Ran(nameof(Lint));
        throw new BuildFailedException("3 style violations");
    });

    /// <summary>An outcome is recorded only after its target ended, so by then anything its end writes has been handed over.</summary>
    private async Task Ended(string target, CancellationToken cancellationToken)
    {
        while (Outcomes.All(o => o.Name != target))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
