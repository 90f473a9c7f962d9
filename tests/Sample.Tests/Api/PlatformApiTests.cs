using Sample.Tests.Platform;

namespace Sample.Tests.Api;

/// <summary>An in-process api on its own database and queue, with a recording generator stub, made fresh for each test.</summary>
public abstract class PlatformApiTests(PlatformServices platform) : IAsyncLifetime
{
    protected PlatformServices Platform => platform;

    protected GeneratorStub Generator { get; } = new();

    protected SampleFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await platform.CreateDatabaseAsync();
        Generator.Start();
        Api = new SampleFactory(platform.SettingsFor("api", database, $"test.jobs.{Guid.NewGuid():N}"), Generator.CreateHandler);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Generator.DisposeAsync();
    }
}
