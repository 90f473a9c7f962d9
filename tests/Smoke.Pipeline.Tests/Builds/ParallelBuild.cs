namespace Smoke.Pipeline.Tests;

internal sealed class ParallelBuild : JournaledBuild
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public Target Setup => _ => _.Executes(() => Ran(nameof(Setup)));

    public Target Early => _ => _.Before(Left).Executes(async () =>
    {
        await Task.Yield();
        Ran(nameof(Early));
    });

    public Target Left => _ => _.DependsOn(Setup).Executes(async () =>
    {
        Ran("Left started");
        Journal.Signal("left").SetResult();
        await Journal.Signal("right").Task.WaitAsync(Patience);
        for (var i = 1; i <= 3; i++)
        {
            Log.Info($"left line {i}");
            await Task.Yield();
        }

        Ran("Left finished");
    });

    public Target Right => _ => _.DependsOn(Setup).Executes(async () =>
    {
        Ran("Right started");
        Journal.Signal("right").SetResult();
        await Journal.Signal("left").Task.WaitAsync(Patience);
        for (var i = 1; i <= 3; i++)
        {
            Log.Info($"right line {i}");
            await Task.Yield();
        }

        Ran("Right finished");
    });

    public Target Late => _ => _.After(Left, Right).Executes(() => Ran(nameof(Late)));
}
