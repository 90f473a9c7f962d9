using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SmokeTests.EventBus;

public sealed class DeadLetterTests
{
    private const int DeliveryLimit = 2;

    /// <summary>
    /// A message rejected without requeue moves to the dead-letter queue, marked "rejected", the way
    /// the worker parks a poison job. A failure means poison jobs are silently dropped, not kept for a look.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "messaging")]
    public async Task A_rejected_message_moves_to_the_dead_letter_queue()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var deadLetters = await topology.QueueAsync("dead-letter", timeout.Token);
        var queue = await topology.QueueAsync("work", timeout.Token, DeadLetteringTo(deadLetters));

        await topology.PublishAsync("", queue, "poison", "poison-1", timeout.Token);
        var work = await Inbox.ConsumeAsync(topology.Channel, queue, timeout.Token);
        await topology.Channel.BasicRejectAsync((await work.NextAsync(timeout.Token)).DeliveryTag, requeue: false, timeout.Token);

        var parked = await Inbox.ConsumeAsync(topology.Channel, deadLetters, timeout.Token);
        var delivery = await parked.NextAsync(timeout.Token);
        await parked.AckAsync(delivery, timeout.Token);
        Assert.Equal("poison-1", delivery.MessageId);
        Assert.Equal("rejected", delivery.DeathReason);
    }

    /// <summary>
    /// A message nobody consumes before its time-to-live expires moves to the dead-letter queue, marked
    /// "expired". A failure means stale messages pile up, or vanish without a trace.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "messaging")]
    public async Task A_message_past_its_time_to_live_moves_to_the_dead_letter_queue()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var deadLetters = await topology.QueueAsync("expired", timeout.Token);
        var arguments = DeadLetteringTo(deadLetters);
        arguments["x-message-ttl"] = 200;
        var queue = await topology.QueueAsync("short-lived", timeout.Token, arguments);

        await topology.PublishAsync("", queue, "stale", "stale-1", timeout.Token);

        var parked = await Inbox.ConsumeAsync(topology.Channel, deadLetters, timeout.Token);
        var delivery = await parked.NextAsync(timeout.Token);
        await parked.AckAsync(delivery, timeout.Token);
        Assert.Equal("stale-1", delivery.MessageId);
        Assert.Equal("expired", delivery.DeathReason);
    }

    /// <summary>
    /// A message that keeps failing is retried a bounded number of times (a quorum queue's delivery
    /// limit), then moves to the dead-letter queue. A failure means a poison message is retried
    /// forever and blocks the work behind it.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "messaging")]
    public async Task A_message_that_keeps_failing_stops_at_the_delivery_limit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var deadLetters = await topology.QueueAsync("exhausted", timeout.Token);
        var arguments = DeadLetteringTo(deadLetters);
        arguments["x-queue-type"] = "quorum";
        arguments["x-delivery-limit"] = DeliveryLimit;
        var queue = await topology.QueueAsync("retried", timeout.Token, arguments);

        var deliveries = 0;
        var failingWorker = new AsyncEventingBasicConsumer(topology.Channel);
        failingWorker.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref deliveries);
            await topology.Channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, timeout.Token);
        };
        await topology.Channel.BasicConsumeAsync(queue, autoAck: false, failingWorker, timeout.Token);
        var parked = await Inbox.ConsumeAsync(topology.Channel, deadLetters, timeout.Token);

        await topology.PublishAsync("", queue, "always fails", "failing-1", timeout.Token);

        var delivery = await parked.NextAsync(timeout.Token);
        await parked.AckAsync(delivery, timeout.Token);
        Assert.Equal("failing-1", delivery.MessageId);
        Assert.Equal("delivery_limit", delivery.DeathReason);
        Assert.Equal(DeliveryLimit + 1, Volatile.Read(ref deliveries));
    }

    private static Dictionary<string, object?> DeadLetteringTo(string deadLetterQueue) => new()
    {
        ["x-dead-letter-exchange"] = "",
        ["x-dead-letter-routing-key"] = deadLetterQueue,
    };
}
