using RabbitMQ.Client;

namespace SmokeTests.EventBus;

public sealed class PublishTests
{
    /// <summary>
    /// A message published with confirms is delivered once, with its body, id, content type and
    /// persistence intact. A failure means the api's queued jobs may never reach the worker.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "messaging")]
    public async Task A_confirmed_message_is_delivered_intact()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var queue = await topology.QueueAsync("publish", timeout.Token);

        await topology.PublishAsync("", queue, """{"prompt":"smoke — ✓"}""", "message-1", timeout.Token);
        var inbox = await Inbox.ConsumeAsync(topology.Channel, queue, timeout.Token);
        var delivery = await inbox.NextAsync(timeout.Token);
        await inbox.AckAsync(delivery, timeout.Token);

        Assert.Equal("""{"prompt":"smoke — ✓"}""", delivery.Body);
        Assert.Equal("message-1", delivery.MessageId);
        Assert.Equal("text/plain", delivery.ContentType);
        Assert.True(delivery.Persistent, "the message lost its persistent delivery mode on the way.");
        Assert.False(delivery.Redelivered);
    }

    /// <summary>
    /// A fan-out exchange copies each message to every queue bound to it. A failure means events that
    /// several services subscribe to reach only some of them.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "messaging")]
    public async Task A_fanout_exchange_delivers_each_message_to_every_bound_queue()
    {
        const int subscribers = 3;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var exchange = await topology.ExchangeAsync("fanout", ExchangeType.Fanout, timeout.Token);
        var inboxes = new List<Inbox>();
        for (var i = 0; i < subscribers; i++)
        {
            var queue = await topology.QueueAsync("subscriber", timeout.Token);
            await topology.Channel.QueueBindAsync(queue, exchange, routingKey: "", cancellationToken: timeout.Token);
            inboxes.Add(await Inbox.ConsumeAsync(topology.Channel, queue, timeout.Token));
        }

        await topology.PublishAsync(exchange, "", "job.completed", "event-1", timeout.Token);

        foreach (var inbox in inboxes)
        {
            var delivery = await inbox.NextAsync(timeout.Token);
            await inbox.AckAsync(delivery, timeout.Token);
            Assert.Equal("event-1", delivery.MessageId);
        }
    }

    /// <summary>
    /// Messages a consumer received but never acknowledged stay in a durable queue when that consumer
    /// goes away, and the next consumer gets them, marked redelivered. A failure means a worker restart
    /// (every deploy) loses the jobs it was holding.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "messaging")]
    public async Task A_durable_queue_keeps_unacknowledged_messages_across_a_consumer_restart()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var topology = await ScratchTopology.CreateAsync(timeout.Token);
        var queue = await topology.QueueAsync("durable", timeout.Token);
        foreach (var id in new[] { "job-1", "job-2", "job-3" })
        {
            await topology.PublishAsync("", queue, id, id, timeout.Token);
        }

        await using (var firstWorker = await StackBroker.ConnectAsync(timeout.Token))
        {
            await using var firstChannel = await firstWorker.CreateChannelAsync(cancellationToken: timeout.Token);
            var inbox = await Inbox.ConsumeAsync(firstChannel, queue, timeout.Token);
            await inbox.AckAsync(await inbox.NextAsync(timeout.Token), timeout.Token);
            await inbox.NextAsync(timeout.Token);
            await inbox.NextAsync(timeout.Token);
        }

        await using var secondWorker = await StackBroker.ConnectAsync(timeout.Token);
        await using var secondChannel = await secondWorker.CreateChannelAsync(cancellationToken: timeout.Token);
        var restarted = await Inbox.ConsumeAsync(secondChannel, queue, timeout.Token);
        var redelivered = new[] { await restarted.NextAsync(timeout.Token), await restarted.NextAsync(timeout.Token) };
        foreach (var delivery in redelivered)
        {
            await restarted.AckAsync(delivery, timeout.Token);
        }

        Assert.Equal(["job-2", "job-3"], redelivered.Select(delivery => delivery.MessageId).Order(StringComparer.Ordinal));
        Assert.All(redelivered, delivery => Assert.True(delivery.Redelivered, $"{delivery.MessageId} came back without the redelivered flag."));
    }
}
