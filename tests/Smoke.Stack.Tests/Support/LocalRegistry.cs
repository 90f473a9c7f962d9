using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Support;

/// <summary>
/// A real image registry on 127.0.0.1 (Debian's docker-registry), started for the tests that need pulls to work and
/// killed with its storage afterwards. Engines allow plain HTTP to 127.0.0.0/8 registries, so no TLS is needed.
/// Usable as a class fixture, or on its own through <see cref="StartAsync"/>.
/// </summary>
public sealed class LocalRegistry : IAsyncLifetime, IAsyncDisposable
{
    public const string DefaultProgram = "/usr/bin/docker-registry";

    private readonly StringBuilder _output = new();
    private readonly string _program;
    private string? _directory;
    private Process? _process;

    public LocalRegistry()
        : this(DefaultProgram)
    {
    }

    /// <summary>A registry run from another binary; tests of this class use it to name one that does not exist.</summary>
    internal LocalRegistry(string program) => _program = program;

    /// <summary>host:port, the prefix of every image this registry holds (e.g. 127.0.0.1:40123).</summary>
    public string Address { get; private set; } = "";

    public static async Task<LocalRegistry> StartAsync(CancellationToken cancellationToken = default) => await StartAsync(DefaultProgram, cancellationToken);

    internal static async Task<LocalRegistry> StartAsync(string program, CancellationToken cancellationToken = default)
    {
        var registry = new LocalRegistry(program);
        try
        {
            await registry.StartCoreAsync(cancellationToken);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>Pushes <paramref name="localImage"/> as <c>Address/name</c> and returns that reference; the local tag stays.</summary>
    public async Task<string> PushAsync(string localImage, string name, CancellationToken cancellationToken = default)
    {
        var reference = $"{Address}/{name}";
        await DockerAsync(["tag", localImage, reference], cancellationToken);
        await DockerAsync(["push", reference], cancellationToken);
        return reference;
    }

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_program))
        {
            throw new InvalidOperationException(
                $"{_program} is missing: these tests pull from a real registry on 127.0.0.1. Install it (apt-get install -y docker-registry, as root or with sudo) and run them again.");
        }

        _directory = Directory.CreateTempSubdirectory("smoke-registry-").FullName;
        Address = $"127.0.0.1:{FreePort()}";
        var config = Path.Combine(_directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_directory, "data")}
            http:
              addr: {Address}
            """, cancellationToken);

        var start = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_program} did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync(_process, cancellationToken);
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{_program} exited with code {process.ExitCode} before answering on {Address}: {Output()}");
            }

            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "no answer within 2s";
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{_program} never answered GET http://{Address}/v2/ with 200 within 30s (last: {last}); its output: {Output()}");
    }

    private static async Task DockerAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ExternalProcess.RunAsync("docker", arguments, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed (exit code {result.ExitCode}): {result.StandardError.Trim()} {result.StandardOutput.Trim()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(none)" : _output.ToString().Trim();
        }
    }
}
