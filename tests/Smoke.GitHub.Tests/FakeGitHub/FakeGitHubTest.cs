namespace Smoke.GitHub.Tests.FakeGitHub;

/// <summary>Starts a fake GitHub for each test and stops it afterwards.</summary>
public abstract class FakeGitHubTest : IAsyncLifetime
{
    internal FakeGitHubServer Server { get; private set; } = null!;

    internal RepositoryName Repository => Server.Repository;

    public async Task InitializeAsync() => Server = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
