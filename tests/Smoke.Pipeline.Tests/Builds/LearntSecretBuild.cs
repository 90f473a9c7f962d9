namespace Smoke.Pipeline.Tests;

internal sealed class LearntSecretBuild : JournaledBuild
{
    public Target Learn => _ => _.Executes(() =>
    {
        Log.Info("before: s3cr3t-from-file");
        Log.Secret("s3cr3t-from-file");
        Log.Info("after: s3cr3t-from-file");
        Log.Secret("s3cr3t-from-file");
        Log.Secret("on");
        Log.Info("a short value stays: on");
    });

    public Target Use => _ => _.DependsOn(Learn).Executes(() => Log.Warn("still s3cr3t-from-file"));
}
