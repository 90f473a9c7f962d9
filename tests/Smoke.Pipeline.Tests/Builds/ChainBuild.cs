namespace Smoke.Pipeline.Tests;

/// <summary>
/// The shape of NUKE's BuildExecutorTest: C depends on B, B on A. Other needs A too. B's two static conditions and its
/// dependency behaviour come from parameters, which are bound before targets are declared.
/// </summary>
internal sealed class ChainBuild : JournaledBuild
{
    [Parameter("B's first static condition")]
    public bool BWanted { get; set; } = true;

    [Parameter("B's second static condition")]
    public bool BReady { get; set; } = true;

    [Parameter("Declare B with WhenSkipped(DependencyBehavior.Execute)")]
    public bool BKeepsDependencies { get; set; }

    public Target A => _ => _.Executes(() => Ran(nameof(A)));

    public Target B => _ => _
        .DependsOn(A)
        .OnlyWhenStatic(() => BWanted)
        .OnlyWhenStatic(() => BReady)
        .WhenSkipped(BKeepsDependencies ? DependencyBehavior.Execute : DependencyBehavior.Skip)
        .Executes(() => Ran(nameof(B)));

    public Target C => _ => _.DependsOn(B).Executes(() => Ran(nameof(C)));

    public Target Other => _ => _.DependsOn(A).Executes(() => Ran(nameof(Other)));
}
