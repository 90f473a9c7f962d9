namespace Smoke.Pipeline.Tests;

internal sealed class DiamondBuild : JournaledBuild
{
    public Target Restore => _ => _.Executes(() => Ran(nameof(Restore)));

    public Target CompileWorker => _ => _.DependsOn(Restore).Executes(() => Ran(nameof(CompileWorker)));

    public Target CompileApi => _ => _.DependsOn(Restore).Executes(() => Ran(nameof(CompileApi)));

    public Target Test => _ => _.DependsOn(CompileApi, CompileWorker).Executes(() => Ran(nameof(Test)));

    public Target All => _ => _.DependsOn(Test);
}
