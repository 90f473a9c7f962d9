using Smoke.Stack.Engine;

namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>Builds (or finds) the probe image once for a test collection.</summary>
public sealed class ProbeImageFixture : IAsyncLifetime
{
    public string Image { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var engine = DockerEngineClient.FromEnvironment();
        Image = await ProbeImage.EnsureAsync(engine);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
