using RabbitMQ.Client;
using Sample.Configuration;

namespace Sample.Queue;

/// <summary>
/// The jobs queue and its dead-letter queue. Messages the worker rejects go to the dead-letter queue
/// through the default exchange. Every process declares the same arguments, or RabbitMQ refuses.
/// </summary>
internal static class QueueTopology
{
    public static async Task DeclareAsync(IChannel channel, BrokerSettings settings, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(settings.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: null, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(settings.Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = settings.DeadLetterQueue,
            },
            cancellationToken: cancellationToken);
    }
}
