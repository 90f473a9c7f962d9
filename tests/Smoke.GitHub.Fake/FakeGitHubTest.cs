using Xunit;

namespace Smoke.GitHub.Fake;

/// <summary>Starts a fake GitHub for each test and stops it afterwards.</summary>
public abstract class FakeGitHubTest : IAsyncLifetime
{
    protected FakeGitHubServer Server { get; private set; } = null!;

    protected RepositoryName Repository => Server.Repository;

    public async Task InitializeAsync() => Server = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
