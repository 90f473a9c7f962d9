namespace Sample.Configuration;

/// <summary>Where RabbitMQ is and which queue carries jobs; the dead-letter queue is named after it.</summary>
internal sealed record BrokerSettings(string Host, int Port, string User, string Password, string Queue)
{
    public string DeadLetterQueue => Queue + ".dead-letter";

    public override string ToString() => $"{User}@{Host}:{Port}/{Queue}";
}
