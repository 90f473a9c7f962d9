using RabbitMQ.Client;
using Sample.Configuration;
using Sample.Queue;

namespace Sample.Tests.Platform;

/// <summary>Direct access to the test RabbitMQ: what a queue holds, and publishing messages the api never would.</summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;

    private TestBroker(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public static async Task<TestBroker> ConnectAsync(PlatformServices platform)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = platform.RabbitMqPort,
            UserName = PlatformServices.User,
            Password = platform.Password,
        };
        var connection = await factory.CreateConnectionAsync();
        return new TestBroker(connection, await connection.CreateChannelAsync());
    }

    public Task DeclareAsync(string queue) =>
        QueueTopology.DeclareAsync(channel, new BrokerSettings("unused", 0, "unused", "unused", queue), CancellationToken.None);

    public async Task<uint> CountAsync(string queue) => await channel.MessageCountAsync(queue);

    /// <summary>Takes one message off the queue, or null when it is empty.</summary>
    public async Task<byte[]?> TakeAsync(string queue) =>
        await channel.BasicGetAsync(queue, autoAck: true) is { } message ? message.Body.ToArray() : null;

    public async Task PublishAsync(string queue, byte[] body) =>
        await channel.BasicPublishAsync("", queue, body);

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
