using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SmokeTests.EventBus;

/// <summary>A message as a consumer received it, copied out of the client's buffers, which are reused after the handler returns.</summary>
internal sealed record Delivery(
    string Body,
    string? MessageId,
    string? ContentType,
    bool Persistent,
    bool Redelivered,
    ulong DeliveryTag,
    IReadOnlyDictionary<string, object?> Headers)
{
    public static Delivery From(BasicDeliverEventArgs delivery) => new(
        Encoding.UTF8.GetString(delivery.Body.Span),
        delivery.BasicProperties.MessageId,
        delivery.BasicProperties.ContentType,
        delivery.BasicProperties.DeliveryMode == DeliveryModes.Persistent,
        delivery.Redelivered,
        delivery.DeliveryTag,
        delivery.BasicProperties.Headers is { } headers ? new Dictionary<string, object?>(headers) : new Dictionary<string, object?>());

    /// <summary>Why the broker dead-lettered the message ("rejected", "expired", "delivery_limit"), from its x-death header.</summary>
    public string? DeathReason =>
        Headers.GetValueOrDefault("x-death") is IList<object> { Count: > 0 } deaths
            && deaths[0] is IDictionary<string, object> death
            && death.TryGetValue("reason", out var reason) && reason is byte[] text
            ? Encoding.UTF8.GetString(text)
            : null;
}
