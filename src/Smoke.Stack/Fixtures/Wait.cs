using System.Text.RegularExpressions;

namespace Smoke.Stack.Fixtures;

/// <summary>The wait strategies for <see cref="ContainerBuilder.WithWaitStrategy"/>.</summary>
public static class Wait
{
    /// <summary>A TCP connection to the published port that the container's side does not close at once.</summary>
    public static IWaitStrategy ForTcp(int containerPort) => new TcpWait(containerPort);

    /// <summary>An HTTP GET on the published port answering 2xx (or what <paramref name="isReady"/> accepts).</summary>
    public static IWaitStrategy ForHttp(int containerPort, string path = "/", Func<int, bool>? isReady = null) =>
        new HttpWait(containerPort, path, isReady ?? (status => status is >= 200 and < 300));

    /// <summary>A log line (stdout or stderr) matching <paramref name="pattern"/>, <paramref name="times"/> times.</summary>
    public static IWaitStrategy ForLog(string pattern, int times = 1) => new LogWait(new Regex(pattern, RegexOptions.CultureInvariant), times);

    /// <summary>The image's (or the builder's) HEALTHCHECK reports healthy.</summary>
    public static IWaitStrategy ForHealthy() => new HealthyWait();

    /// <summary>Every strategy in turn.</summary>
    public static IWaitStrategy ForAll(params IWaitStrategy[] strategies) => new AllWait(strategies);
}
