namespace Smoke.Pipeline.Tests;

internal sealed class CancellationBuild : JournaledBuild
{
    public Target Up => _ => _.Executes(() => Ran(nameof(Up)));

    public Target Wait => _ => _.DependsOn(Up).Executes(async cancellationToken =>
    {
        Ran(nameof(Wait));
        Journal.Signal("waiting").SetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    public Target Report => _ => _.DependsOn(Wait).Executes(() => Ran(nameof(Report)));

    public Target Down => _ => _.DependsOn(Up).After(Report).AssuredAfterFailure().Executes(async cancellationToken =>
    {
        Journal.HasFailedSeenByAssured = HasFailed;
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Ran(nameof(Down));
    });
}
