using System.Text.Json;
using RabbitMQ.Client;
using Sample.Configuration;

namespace Sample.Queue;

/// <summary>Publishes job messages with publisher confirms, so a 202 means the broker has the job.</summary>
internal sealed class JobPublisher(BrokerConnection broker, Fault fault, ILogger<JobPublisher> logger) : IAsyncDisposable
{
    public const string AttemptHeader = "x-sample-attempt";

    private readonly SemaphoreSlim gate = new(1, 1);
    private IChannel? channel;

    public async Task PublishAsync(JobMessage message, int attempt, CancellationToken cancellationToken)
    {
        var routingKey = broker.Settings.Queue;
        if (fault.Kind == FaultKind.BreakQueue)
        {
            // Unroutable and not mandatory: the broker confirms and drops it, as a real misconfiguration would.
            routingKey += ".broken";
            logger.LogWarning("SAMPLE_FAULT=break-queue: publishing job {JobId} to {RoutingKey}, where no queue listens", message.JobId, routingKey);
        }

        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = message.JobId.ToString(),
            Headers = new Dictionary<string, object?> { [AttemptHeader] = attempt },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(message, SampleJson.Messages);

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (channel is not { IsOpen: true })
            {
                var connection = await broker.GetAsync(cancellationToken);
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                    cancellationToken);
            }

            await channel.BasicPublishAsync("", routingKey, mandatory: false, properties, body, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        gate.Dispose();
    }
}
