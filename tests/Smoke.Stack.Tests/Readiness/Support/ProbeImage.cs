using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>
/// A small image for readiness tests: the Debian base plus busybox (httpd, nc) and a CGI endpoint whose answer the
/// container's command controls through files: <c>/tmp/ready</c> answers 200, <c>/tmp/hang</c> never answers, else 503.
/// Tagged by the hash of what builds it, and reused when present.
/// </summary>
public sealed class ProbeImage
{
    private const string Dockerfile = """
        FROM {0}
        RUN apt-get update && apt-get install -y --no-install-recommends busybox && rm -rf /var/lib/apt/lists/*
        COPY ready /www/cgi-bin/ready
        RUN chmod 755 /www/cgi-bin/ready
        """;

    private const string ReadyScript = """
        #!/bin/sh
        if [ -f /tmp/ready ]; then
          printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nready\n'
        elif [ -f /tmp/hang ]; then
          sleep 3600
        else
          printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n\r\n{"status":"Unhealthy","db":"timeout"}'
        fi

        """;

    private static readonly SemaphoreSlim Building = new(1, 1);
    private static string? _built;

    /// <summary>Serves the CGI on port 8080 in the background; the test's command continues after it.</summary>
    public const string StartHttpd = "busybox httpd -p 8080 -h /www";

    public static string BaseImage =>
        Environment.GetEnvironmentVariable("SMOKE_BASE_IMAGE") is { Length: > 0 } image ? image : "smoke/debian-base:manual";

    public static async Task<string> EnsureAsync(DockerEngineClient engine)
    {
        await Building.WaitAsync();
        try
        {
            return _built ??= await BuildAsync(engine);
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task<string> BuildAsync(DockerEngineClient engine)
    {
        var baseImage = await engine.TryInspectImageAsync(BaseImage)
            ?? throw new InvalidOperationException($"the base image {BaseImage} is missing: build it with ./build.sh Images, or set SMOKE_BASE_IMAGE to a Debian image that exists");
        var dockerfile = string.Format(System.Globalization.CultureInfo.InvariantCulture, Dockerfile, BaseImage);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseImage.Id + dockerfile + ReadyScript)))[..12];
        var tag = $"smoke-test/readiness-probe:{hash}";
        if (await engine.TryInspectImageAsync(tag) is not null)
        {
            return tag;
        }

        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddAsync(tar, "Dockerfile", dockerfile);
            await AddAsync(tar, "ready", ReadyScript.ReplaceLineEndings("\n"));
        }

        context.Position = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await engine.BuildImageAsync(
            new ImageBuildRequest([tag]) { Labels = new Dictionary<string, string> { ["io.smoke.test"] = "true" } },
            context,
            cancellationToken: timeout.Token);
        return tag;
    }

    private static async Task AddAsync(TarWriter tar, string name, string text)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.UserExecute,
        };
        await tar.WriteEntryAsync(entry);
    }
}
