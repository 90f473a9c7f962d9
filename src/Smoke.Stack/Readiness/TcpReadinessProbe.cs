using System.Net.Sockets;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Ready when a connection to <c>host:port</c> is accepted and stays open for a moment. Docker's userland proxy
/// accepts every connection to a published port and closes it at once when nothing listens in the container, so
/// a bare connect would report ready far too early.
/// </summary>
internal sealed class TcpReadinessProbe(string host, int port, int? containerPort = null) : IReadinessProbe
{
    private static readonly TimeSpan StayOpen = TimeSpan.FromMilliseconds(150);

    public string Description { get; } = containerPort is { } inner ? $"TCP {host}:{port} ({inner})" : $"TCP {host}:{port}";

    public async Task<ProbeAttempt> AttemptAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            return ProbeAttempt.NotReady($"no TCP connection to {host}:{port}: {Describe(ex)}");
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StayOpen);
        try
        {
            var buffer = new byte[1];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token).ConfigureAwait(false);
            return read > 0
                ? ProbeAttempt.Ready
                : ProbeAttempt.NotReady($"TCP {host}:{port} accepted the connection and closed it at once (the port is published, but nothing listens on it in the container yet)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeAttempt.Ready;
        }
        catch (SocketException ex)
        {
            return ProbeAttempt.NotReady($"TCP {host}:{port} accepted the connection, then: {Describe(ex)}");
        }
    }

    private static string Describe(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostNotFound => "host not found",
        _ => ex.Message,
    };
}
