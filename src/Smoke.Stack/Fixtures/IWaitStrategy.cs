namespace Smoke.Stack.Fixtures;

/// <summary>Decides when a started container is ready. Probed repeatedly until ready or the startup timeout.</summary>
public interface IWaitStrategy
{
    /// <summary>What is being waited for, for messages: <c>TCP 127.0.0.1:49153 (5432)</c>.</summary>
    string Describe(TestContainer container);

    Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken);
}
