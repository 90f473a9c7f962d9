using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SmokeTests.EventBus;

/// <summary>The stack's RabbitMQ, at its published AMQP port, with the credentials the stack was started with.</summary>
internal static class StackBroker
{
    public const string Service = "rabbitmq";
    public const int ContainerPort = 5672;

    /// <summary>The platform's jobs queue: SAMPLE_QUEUE, as the api and worker read it, or their default.</summary>
    public static string JobsQueue => SmokeVariables.Optional("SAMPLE_QUEUE") ?? "sample.jobs";

    /// <summary>Opens a connection; a failure names the service and endpoint.</summary>
    public static async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var endpoint = SmokeEndpoints.Tcp(Service, ContainerPort);
        var factory = new ConnectionFactory
        {
            HostName = endpoint.Host,
            Port = endpoint.Port,
            UserName = PlatformCredentials.RabbitMqUser,
            Password = PlatformCredentials.RabbitMqPassword,
            // Shows in the management UI, so a leaked connection can be traced to the run that opened it.
            ClientProvidedName = $"smoke-tests-{SmokeRun.Id}",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            AutomaticRecoveryEnabled = false,
        };
        try
        {
            return await factory.CreateConnectionAsync(cancellationToken);
        }
        catch (BrokerUnreachableException e)
        {
            throw new ServiceUnreachableException(Service, endpoint.ToString(), e);
        }
    }
}
