namespace Smoke.Pipeline.Tests;

internal sealed class SummaryBuild : JournaledBuild
{
    public const int HugeLines = 11_000;

    public static readonly string HugeLine = new('x', 99);

    public Target Report => _ => _.Executes(async ct =>
    {
        Log.Secret("hunter22");
        await Log.SummaryAsync("## Smoke\n\nconnected with hunter22", ct);
    });

    public Target Huge => _ => _.DependsOn(Report).Executes(async ct =>
        await Log.SummaryAsync(string.Concat(Enumerable.Repeat(HugeLine + "\n", HugeLines)), ct));

    public Target Live => _ => _.Executes(() => Log.Info($"live display: {Log.LiveDisplay}"));
}
