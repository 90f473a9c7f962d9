namespace Smoke.Pipeline.Tests;

internal sealed class AnnotationBuild : JournaledBuild
{
    [Parameter("Password of the database")]
    [Secret]
    public string? DbPassword { get; set; }

    public Target Annotate => _ => _.Executes(() =>
    {
        Log.Info($"connecting with {DbPassword}");
        Log.Warn("50% done\r\nnext: more", "src/a,b.cs", 3, 5);
        Log.Error("broken: yes", "dir:x.cs", 1);
    });

    public Target Fail => _ => _.DependsOn(Annotate).Executes(() => throw new BuildFailedException("it broke"));
}
