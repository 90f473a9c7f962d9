namespace Smoke.Pipeline.Tests;

/// <summary>A deploy whose failure a rollback recovers from (exit code 3), or fails to (4): the exit codes of a release.</summary>
internal sealed class RecoveryBuild : JournaledBuild
{
    [Parameter("Whether the deploy's verdict fails")]
    public bool DeployFails { get; set; }

    [Parameter("Whether the rollback fails, leaving the environment degraded")]
    public bool RollbackFails { get; set; }

    public Target Deploy => _ => _.Triggers(Rollback).Executes(() =>
    {
        Ran(nameof(Deploy));
        if (DeployFails)
        {
            throw new BuildFailedException("2 critical smoke tests failed; Rollback puts back v41");
        }
    });

    public Target Rollback => _ => _.AssuredAfterFailure().RecoversFrom(Deploy, 3).Executes(() =>
    {
        Ran(nameof(Rollback));
        if (RollbackFails)
        {
            throw new BuildFailedException("v41 did not become ready; the environment is degraded", 4);
        }
    });

    public Target ValidateConfig => _ => _.Executes(() =>
    {
        Ran(nameof(ValidateConfig));
        throw BuildFailedException.InvalidUsage("2 configuration errors in docker-compose.services.yml");
    });

    public Target SlowDeploy => _ => _.Triggers(Rollback).Executes(async ct =>
    {
        Ran(nameof(SlowDeploy));
        Journal.Signal("deploying").SetResult();
        await Task.Delay(Timeout.Infinite, ct);
    });
}
