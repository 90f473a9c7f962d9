namespace Smoke.Stack.Fixtures;

internal sealed class HttpWait(int containerPort, string path, Func<int, bool> isReady) : IWaitStrategy
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public string Describe(TestContainer container) => $"HTTP GET {Url(container)}";

    public async Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(Url(container), cancellationToken).ConfigureAwait(false);
            if (isReady((int)response.StatusCode))
            {
                return WaitProbe.Ready;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return WaitProbe.NotYet($"HTTP {(int)response.StatusCode} (body: {Shorten(body)})");
        }
        catch (HttpRequestException ex)
        {
            return WaitProbe.NotYet(ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WaitProbe.NotYet("no answer within 5s");
        }
    }

    private Uri Url(TestContainer container) => new($"http://{container.Host}:{container.GetMappedPort(containerPort)}/{path.TrimStart('/')}");

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "..." : body;
}
