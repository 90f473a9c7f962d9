using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Fixtures;

/// <summary>
/// Describes a throwaway container for a test: image, environment, ports published on a random 127.0.0.1 port,
/// and what "ready" means. Every container carries the session labels (and <c>io.smoke.test=true</c>) so a
/// crashed test run's leftovers are swept.
/// </summary>
public sealed class ContainerBuilder
{
    private readonly Dictionary<string, string> _environment = [];
    private readonly Dictionary<string, string> _labels = new() { ["io.smoke.test"] = "true" };
    private readonly List<int> _ports = [];
    private string? _image;
    private string? _name;
    private IReadOnlyList<string>? _command;
    private IReadOnlyList<string>? _entrypoint;
    private bool _tty;
    private ContainerHealthcheck? _healthcheck;
    private IWaitStrategy? _wait;
    private TimeSpan _startupTimeout = TimeSpan.FromSeconds(120);
    private StackSession _session = StackSession.Current;
    private DockerEngineClient? _client;

    public ContainerBuilder WithImage(string image)
    {
        _image = image;
        return this;
    }

    /// <summary>A fixed container name; by default the engine picks one, so parallel tests never collide.</summary>
    public ContainerBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public ContainerBuilder WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public ContainerBuilder WithEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            _environment[name] = value;
        }

        return this;
    }

    /// <summary>Publishes <paramref name="containerPort"/> (tcp) on a random 127.0.0.1 port; see <see cref="TestContainer.GetMappedPort"/>.</summary>
    public ContainerBuilder WithPortBinding(int containerPort)
    {
        _ports.Add(containerPort);
        return this;
    }

    public ContainerBuilder WithLabel(string name, string value)
    {
        _labels[name] = value;
        return this;
    }

    public ContainerBuilder WithCommand(params string[] command)
    {
        _command = command;
        return this;
    }

    public ContainerBuilder WithEntrypoint(params string[] entrypoint)
    {
        _entrypoint = entrypoint;
        return this;
    }

    public ContainerBuilder WithTty(bool tty = true)
    {
        _tty = tty;
        return this;
    }

    /// <summary>Adds (or replaces the image's) HEALTHCHECK, e.g. <c>new(["CMD-SHELL", "pg_isready -U postgres"])</c>.</summary>
    public ContainerBuilder WithHealthcheck(ContainerHealthcheck healthcheck)
    {
        _healthcheck = healthcheck;
        return this;
    }

    /// <summary>What "started" means; without one, a container is started as soon as the engine says it runs.</summary>
    public ContainerBuilder WithWaitStrategy(IWaitStrategy wait)
    {
        _wait = wait;
        return this;
    }

    /// <summary>How long the wait strategy may take (default 120s, which a cold Postgres or RabbitMQ on a slow machine needs).</summary>
    public ContainerBuilder WithStartupTimeout(TimeSpan timeout)
    {
        _startupTimeout = timeout;
        return this;
    }

    public ContainerBuilder WithSession(StackSession session)
    {
        _session = session;
        return this;
    }

    /// <summary>The engine to use; by default DOCKER_HOST or the local socket.</summary>
    public ContainerBuilder WithEngine(DockerEngineClient client)
    {
        _client = client;
        return this;
    }

    public TestContainer Build()
    {
        if (string.IsNullOrWhiteSpace(_image))
        {
            throw new InvalidOperationException("a test container needs an image: call WithImage(\"postgres:16\") (or the image your test reads from its environment) before Build()");
        }

        var labels = new Dictionary<string, string>(_labels);
        foreach (var (name, value) in _session.Labels)
        {
            labels[name] = value;
        }

        var request = new CreateContainerRequest(_image)
        {
            Name = _name,
            Command = _command,
            Entrypoint = _entrypoint,
            Environment = new Dictionary<string, string>(_environment),
            Labels = labels,
            PublishedPorts = [.. _ports],
            Tty = _tty,
            Healthcheck = _healthcheck,
        };
        return new TestContainer(_client, request, _wait, _startupTimeout);
    }
}
