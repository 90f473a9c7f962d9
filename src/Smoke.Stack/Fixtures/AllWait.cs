namespace Smoke.Stack.Fixtures;

internal sealed class AllWait(IReadOnlyList<IWaitStrategy> strategies) : IWaitStrategy
{
    public string Describe(TestContainer container) => string.Join(" and ", strategies.Select(s => s.Describe(container)));

    public async Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken)
    {
        foreach (var strategy in strategies)
        {
            var probe = await strategy.ProbeAsync(container, cancellationToken).ConfigureAwait(false);
            if (!probe.IsReady)
            {
                return WaitProbe.NotYet($"{strategy.Describe(container)}: {probe.Detail}");
            }
        }

        return WaitProbe.Ready;
    }
}
