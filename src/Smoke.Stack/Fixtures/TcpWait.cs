using System.Net.Sockets;

namespace Smoke.Stack.Fixtures;

internal sealed class TcpWait(int containerPort) : IWaitStrategy
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public string Describe(TestContainer container) => $"TCP {container.Host}:{container.GetMappedPort(containerPort)} ({containerPort})";

    public async Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(container.Host, container.GetMappedPort(containerPort), cancellationToken).ConfigureAwait(false);

            // Docker's userland proxy accepts on the host port even when nothing listens inside yet, and then
            // closes the connection at once. A real server keeps it open (or greets us).
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            settle.CancelAfter(Settle);
            var buffer = new byte[1];
            try
            {
                var read = await client.GetStream().ReadAsync(buffer, settle.Token).ConfigureAwait(false);
                return read > 0 ? WaitProbe.Ready : WaitProbe.NotYet("connection accepted and closed at once (nothing listening inside yet)");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return WaitProbe.Ready;
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return WaitProbe.NotYet(ex.Message);
        }
    }
}
