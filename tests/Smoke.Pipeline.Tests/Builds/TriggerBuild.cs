namespace Smoke.Pipeline.Tests;

internal sealed class TriggerBuild : JournaledBuild
{
    [Parameter("Whether Deploy runs")]
    public bool DeployEnabled { get; set; }

    [Parameter("Whether ComposeUp fails")]
    public bool FailUp { get; set; }

    public Target Deploy => _ => _
        .OnlyWhenStatic(() => DeployEnabled)
        .Triggers(Notify)
        .Executes(() => Ran(nameof(Deploy)));

    public Target Notify => _ => _.Executes(() => Ran(nameof(Notify)));

    public Target Release => _ => _.DependsOn(Deploy).Executes(() => Ran(nameof(Release)));

    public Target Lint => _ => _.ProceedAfterFailure().Triggers(Notify).Executes(() =>
    {
        Ran(nameof(Lint));
        throw new BuildFailedException("3 style violations");
    });

    public Target ComposeUp => _ => _.Executes(() =>
    {
        Ran(nameof(ComposeUp));
        if (FailUp)
        {
            throw new BuildFailedException("service api never became ready");
        }
    });

    public Target ComposeDown => _ => _
        .TriggeredBy(ComposeUp)
        .AssuredAfterFailure()
        .Executes(() => Ran(nameof(ComposeDown)));

    public Target Smoke => _ => _.DependsOn(ComposeUp).Executes(() => Ran(nameof(Smoke)));
}
