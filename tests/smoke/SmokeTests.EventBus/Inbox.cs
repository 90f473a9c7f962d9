using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SmokeTests.EventBus;

/// <summary>A consumer on one queue that keeps what it receives, so a test can wait for the next message.</summary>
internal sealed class Inbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<Delivery> deliveries = System.Threading.Channels.Channel.CreateUnbounded<Delivery>();

    private Inbox(IChannel channel, string queue)
    {
        Channel = channel;
        Queue = queue;
    }

    /// <summary>The channel the consumer runs on: acknowledge, reject and nack through it.</summary>
    public IChannel Channel { get; }

    public string Queue { get; }

    /// <summary>Starts consuming <paramref name="queue"/> on <paramref name="channel"/>, acknowledging nothing by itself.</summary>
    public static async Task<Inbox> ConsumeAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        var inbox = new Inbox(channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            inbox.deliveries.Writer.TryWrite(Delivery.From(delivery));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        return inbox;
    }

    /// <summary>The next message; fails the test, naming the queue, when none arrives within 15 seconds.</summary>
    public async Task<Delivery> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await deliveries.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"no message arrived on queue {Queue} within {Patience.TotalSeconds}s.");
        }
    }

    public async Task AckAsync(Delivery delivery, CancellationToken cancellationToken) =>
        await Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
}
