using System.Net.Sockets;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Tests.Engine;

public sealed class EngineConnectionTests
{
    [Fact]
    public async Task The_negotiated_version_is_the_lower_of_the_daemons_and_ours()
    {
        using var client = DockerEngineClient.FromEnvironment();

        var ping = await client.PingAsync();
        var negotiated = await client.NegotiateApiVersionAsync();

        Assert.NotNull(ping.ApiVersion);
        var expected = Version.Parse(ping.ApiVersion!) < Version.Parse(DockerEngineClient.MaxApiVersion) ? ping.ApiVersion : DockerEngineClient.MaxApiVersion;
        Assert.Equal(expected, negotiated);
        Assert.Equal(expected, client.ApiVersion);
    }

    [Fact]
    public async Task A_pinned_version_the_daemon_finds_too_new_falls_back_to_the_daemons_maximum()
    {
        using var client = new DockerEngineClient(DockerEndpoint.FromEnvironment(), new DockerEngineOptions { ApiVersion = "1.99" });

        var version = await client.GetVersionAsync();

        Assert.Equal(version.ApiVersion, client.ApiVersion);
        Assert.NotEqual("1.99", client.ApiVersion);
    }

    [Fact]
    public async Task The_negotiated_version_is_the_daemons_own_up_to_the_clients_maximum()
    {
        using var client = DockerEngineClient.FromEnvironment();

        var version = await client.GetVersionAsync();

        var expected = Version.Parse(version.ApiVersion) <= Version.Parse(DockerEngineClient.MaxApiVersion) ? version.ApiVersion : DockerEngineClient.MaxApiVersion;
        Assert.Equal(expected, client.ApiVersion);

        // ./build.sh Test runs the engine-facing tests twice; this proves the second pass really talks to Engine 26.
        if (Environment.GetEnvironmentVariable("SMOKE_EXPECT_ENGINE") is { Length: > 0 } engine)
        {
            Assert.StartsWith(engine, version.Version, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_and_info_describe_the_daemon()
    {
        using var client = DockerEngineClient.FromEnvironment();

        var version = await client.GetVersionAsync();
        var info = await client.GetInfoAsync();

        Assert.False(string.IsNullOrEmpty(version.Version));
        Assert.Equal(version.Version, info.ServerVersion);
        Assert.True(info.NCPU > 0);
    }

    [Fact]
    public async Task A_missing_socket_gives_the_one_clear_error()
    {
        using var client = new DockerEngineClient(DockerEndpoint.Parse("unix:///tmp/nope.sock"));

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.ListContainersAsync());

        Assert.Equal(
            "cannot reach the Docker engine at unix:///tmp/nope.sock: the socket /tmp/nope.sock does not exist; is dockerd running?",
            error.Message);
    }

    [Fact]
    public async Task DOCKER_HOST_pointing_at_a_missing_socket_gives_the_one_clear_error()
    {
        using var client = new DockerEngineClient(DockerEndpoint.FromDockerHost("unix:///tmp/nope.sock"));

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.PingAsync());

        Assert.Equal("cannot reach the Docker engine at unix:///tmp/nope.sock: the socket /tmp/nope.sock does not exist; is dockerd running?", error.Message);
    }

    [Fact]
    public void Without_DOCKER_HOST_the_default_socket_is_used()
    {
        Assert.Equal(DockerEndpoint.Default, DockerEndpoint.FromDockerHost(" "));
        Assert.Equal("unix:///var/run/docker.sock", DockerEndpoint.FromDockerHost(null).ToString());
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_gives_the_one_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smoke-dead-{Guid.NewGuid():N}.sock");
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            using var client = new DockerEngineClient(DockerEndpoint.Parse($"unix://{path}"));

            var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.PingAsync());

            Assert.Equal($"cannot reach the Docker engine at unix://{path}: connection refused; is dockerd running?", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_tcp_port_nobody_listens_on_gives_the_one_clear_error()
    {
        using var client = new DockerEngineClient(DockerEndpoint.Parse("tcp://127.0.0.1:1"));

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.GetInfoAsync());

        Assert.StartsWith("cannot reach the Docker engine at tcp://127.0.0.1:1: connection refused", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock", "/var/run/docker.sock")]
    [InlineData("tcp://10.0.0.5", "tcp://10.0.0.5:2375", "/")]
    [InlineData("npipe:////./pipe/docker_engine", "npipe:////./pipe/docker_engine", "docker_engine")]
    public void Engine_addresses_parse_the_way_DOCKER_HOST_writes_them(string address, string shown, string localPath)
    {
        var endpoint = DockerEndpoint.Parse(address);

        Assert.Equal(shown, endpoint.ToString());
        Assert.Equal(localPath, endpoint.LocalPath);
    }

    [Fact]
    public void An_address_that_is_not_an_engine_address_says_what_is_expected()
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEndpoint.Parse("http://localhost"));

        Assert.Contains("use unix:///var/run/docker.sock, tcp://host:2375 or npipe:////./pipe/docker_engine", error.Message, StringComparison.Ordinal);
    }
}
