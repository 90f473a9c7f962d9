namespace Smoke.Pipeline.Tests;

internal sealed class FailureBuild : JournaledBuild
{
    public Target Compile => _ => _.Executes(() =>
    {
        Ran(nameof(Compile));
        throw new BuildFailedException("CS1002: ; expected\nsecond line of the error");
    });

    public Target Test => _ => _.DependsOn(Compile).Executes(() => Ran(nameof(Test)));

    public Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
    {
        Ran(nameof(Lint));
        throw new BuildFailedException("3 style violations");
    });

    public Target Package => _ => _.DependsOn(Lint).Executes(() => Ran(nameof(Package)));

    public Target Publish => _ => _.DependsOn(Package).Executes(() => Ran(nameof(Publish)));

    public Target Docs => _ => _.After(Compile, Lint).Executes(() => Ran(nameof(Docs)));

    public Target Crash => _ => _.Executes(() =>
    {
        Ran(nameof(Crash));
        string? nothing = null;
        Ran(nothing!.Trim());
    });

    public Target Rollback => _ => _.AssuredAfterFailure().After(Test, Publish, Docs).Executes(() =>
    {
        Ran(nameof(Rollback));
        Journal.HasFailedSeenByAssured = HasFailed;
    });

    public Target Bug => _ => _.Executes(() =>
    {
        Ran(nameof(Bug));
        throw new InvalidOperationException("Sequence contains no elements");
    });
}
