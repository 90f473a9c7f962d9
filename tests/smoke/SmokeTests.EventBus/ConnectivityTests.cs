using System.Text;
using RabbitMQ.Client.Exceptions;

namespace SmokeTests.EventBus;

public sealed class ConnectivityTests
{
    /// <summary>
    /// RabbitMQ accepts the stack's credentials through its published port and says what it is. A
    /// failure means queued jobs cannot be submitted or processed: the release must not ship.
    /// </summary>
    [SmokeFact(Level = 1, Critical = true, Category = "messaging")]
    public async Task Broker_accepts_connections_with_the_stack_credentials()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await StackBroker.ConnectAsync(timeout.Token);

        Assert.True(connection.IsOpen);
        Assert.True(connection.ServerProperties?.TryGetValue("product", out var product) == true && product is byte[] name && Encoding.UTF8.GetString(name) == "RabbitMQ",
            "the server on the AMQP port did not identify itself as RabbitMQ.");
    }

    /// <summary>
    /// The jobs queue and its dead-letter queue exist and the worker is consuming the jobs queue. A
    /// failure means queued jobs would wait forever: the worker is down, or the api and worker disagree
    /// on the queue's name.
    /// </summary>
    [SmokeFact(Level = 2, Critical = true, Category = "messaging")]
    public async Task The_worker_consumes_the_jobs_queue()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await StackBroker.ConnectAsync(timeout.Token);
        var queue = StackBroker.JobsQueue;

        foreach (var name in new[] { queue, queue + ".dead-letter" })
        {
            // A passive declare of a missing queue closes the channel, so each check gets its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(name, timeout.Token);
                Assert.True(name != queue || declared.ConsumerCount >= 1,
                    $"queue {name} has no consumer: the worker is not running or not consuming it.");
            }
            catch (OperationInterruptedException e)
            {
                throw new Xunit.Sdk.XunitException($"queue {name} does not exist on the broker ({e.Message}); the api and worker declare it when they connect.");
            }
        }
    }
}
