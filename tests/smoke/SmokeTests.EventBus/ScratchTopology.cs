using System.Text;
using RabbitMQ.Client;

namespace SmokeTests.EventBus;

/// <summary>
/// One test's queues and exchanges, named for this run and deleted when the test ends. Each queue
/// also expires on its own ten minutes after its last use, so that even a killed run leaves nothing.
/// </summary>
internal sealed class ScratchTopology : IAsyncDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);
    private static int named;

    private readonly List<string> queues = [];
    private readonly List<string> exchanges = [];

    private ScratchTopology(IConnection connection, IChannel channel)
    {
        Connection = connection;
        Channel = channel;
    }

    public IConnection Connection { get; }

    /// <summary>A channel with publisher confirms: a publish returns once the broker has the message.</summary>
    public IChannel Channel { get; }

    public static async Task<ScratchTopology> CreateAsync(CancellationToken cancellationToken)
    {
        var connection = await StackBroker.ConnectAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new ScratchTopology(connection, channel);
    }

    /// <summary>A name no other run or test uses: <c>smoke.&lt;run&gt;.&lt;purpose&gt;.&lt;n&gt;</c>.</summary>
    public static string Name(string purpose) => $"smoke.{SmokeRun.Id}.{purpose}.{Interlocked.Increment(ref named)}";

    /// <summary>Declares a durable queue for this test; <paramref name="arguments"/> adds to its expiry.</summary>
    public async Task<string> QueueAsync(string purpose, CancellationToken cancellationToken, Dictionary<string, object?>? arguments = null)
    {
        var name = Name(purpose);
        var withExpiry = new Dictionary<string, object?>(arguments ?? []) { ["x-expires"] = (int)Expiry.TotalMilliseconds };
        await Channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, withExpiry, cancellationToken: cancellationToken);
        queues.Add(name);
        return name;
    }

    /// <summary>Declares an exchange that disappears with its last binding, so deleting the queues deletes it too.</summary>
    public async Task<string> ExchangeAsync(string purpose, string type, CancellationToken cancellationToken)
    {
        var name = Name(purpose);
        await Channel.ExchangeDeclareAsync(name, type, durable: false, autoDelete: true, cancellationToken: cancellationToken);
        exchanges.Add(name);
        return name;
    }

    public async Task PublishAsync(string exchange, string routingKey, string body, string messageId, CancellationToken cancellationToken) =>
        await Channel.BasicPublishAsync(
            exchange,
            routingKey,
            mandatory: true,
            new BasicProperties { Persistent = true, ContentType = "text/plain", MessageId = messageId },
            Encoding.UTF8.GetBytes(body),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using (var cleanup = await Connection.CreateChannelAsync(cancellationToken: timeout.Token))
        {
            foreach (var queue in queues)
            {
                await cleanup.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: timeout.Token);
            }

            foreach (var exchange in exchanges)
            {
                await cleanup.ExchangeDeleteAsync(exchange, ifUnused: false, cancellationToken: timeout.Token);
            }
        }

        await Channel.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
