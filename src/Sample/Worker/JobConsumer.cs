using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Sample.Configuration;
using Sample.Jobs;
using Sample.Metrics;
using Sample.Queue;

namespace Sample.Worker;

/// <summary>
/// Consumes the jobs queue. A failed job is published again with its attempt count until
/// SAMPLE_MAX_ATTEMPTS, then rejected into the dead-letter queue; unreadable messages go there at once.
/// While the broker is unreachable it tries again every second; the worker is ready only while it consumes.
/// </summary>
internal sealed class JobConsumer(
    BrokerConnection broker,
    IServiceScopeFactory scopes,
    JobPublisher publisher,
    JobStore store,
    SampleSettings settings,
    SampleMetrics metrics,
    ILogger<JobConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private volatile string? notConsumingBecause = "not started yet";

    /// <summary>Null while a consumer is attached to the queue; otherwise why not, for the readiness check.</summary>
    public string? NotConsumingBecause => notConsumingBecause;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilChannelClosesAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                notConsumingBecause = e.Message;
                logger.LogWarning("cannot consume {Queue} at {Host}:{Port} ({Reason}); retrying in {Delay}s",
                    settings.Broker.Queue, settings.Broker.Host, settings.Broker.Port, e.Message, ReconnectDelay.TotalSeconds);
            }

            try
            {
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConsumeUntilChannelClosesAsync(CancellationToken stoppingToken)
    {
        var connection = await broker.GetAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 4, global: false, stoppingToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(settings.Broker.Queue, autoAck: false, consumer, stoppingToken);
        notConsumingBecause = null;
        logger.LogInformation("consuming {Queue}; failures retried up to {MaxAttempts} attempts, then dead-lettered to {DeadLetterQueue}",
            settings.Broker.Queue, settings.MaxAttempts, settings.Broker.DeadLetterQueue);

        await closed.Task.WaitAsync(stoppingToken);
        throw new IOException("the channel closed");
    }

    internal async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        var message = Read(delivery.Body);
        if (message is null)
        {
            logger.LogError("dead-lettering unreadable message {MessageId}: it is not a job message, and retrying cannot fix that",
                delivery.BasicProperties.MessageId ?? "(no id)");
            await DeadLetterAsync(channel, delivery, cancellationToken);
            return;
        }

        if (settings.Fault.Kind == FaultKind.BreakQueue)
        {
            logger.LogWarning("SAMPLE_FAULT=break-queue: dead-lettering job {JobId} without running it", message.JobId);
            await DeadLetterAsync(channel, delivery, cancellationToken);
            return;
        }

        var attempt = AttemptOf(delivery.BasicProperties);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();
            var job = await processor.ProcessAsync(message, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            metrics.CountProcessed("completed");
            logger.LogInformation("job {JobId} completed on attempt {Attempt} with {Outputs} images", job.Id, attempt, job.Outputs.Count);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (attempt < settings.MaxAttempts)
            {
                logger.LogWarning("job {JobId} attempt {Attempt} of {MaxAttempts} failed ({Reason}); queueing it again",
                    message.JobId, attempt, settings.MaxAttempts, e.Message);
                await RecordFailureAsync(message.JobId, $"attempt {attempt} failed: {e.Message}", final: false, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                await publisher.PublishAsync(message, attempt + 1, cancellationToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                metrics.CountProcessed("retried");
            }
            else
            {
                logger.LogError("job {JobId} failed {Attempt} times ({Reason}); dead-lettering it to {DeadLetterQueue}",
                    message.JobId, attempt, e.Message, settings.Broker.DeadLetterQueue);
                await RecordFailureAsync(message.JobId, $"dead-lettered after {attempt} attempts: {e.Message}", final: true, cancellationToken);
                await DeadLetterAsync(channel, delivery, cancellationToken);
            }
        }
    }

    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, cancellationToken);
        metrics.CountProcessed("dead_lettered");
    }

    private async Task RecordFailureAsync(Guid jobId, string error, bool final, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordFailureAsync(jobId, error, final, cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            logger.LogError("could not record the failure of job {JobId} in the database: {Reason}", jobId, e.Message);
        }
    }

    private static JobMessage? Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            var message = JsonSerializer.Deserialize<JobMessage>(body.Span, SampleJson.Messages);
            return message is { Spec.Prompt: not null, Spec.Stages: not null } && message.JobId != Guid.Empty ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int AttemptOf(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers?.TryGetValue(JobPublisher.AttemptHeader, out var value) != true)
        {
            return 1;
        }

        return value switch
        {
            int number => number,
            long number => (int)number,
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), out var number) => number,
            _ => 1,
        };
    }
}
