namespace Smoke.Pipeline;

/// <summary>Where <see cref="Log"/> writes outside a build, e.g. from a unit test calling a target's code directly.</summary>
internal sealed class ConsoleSink : ILogSink
{
    public static readonly ConsoleSink Instance = new();

    private readonly BuildOutput output = new(Console.Out, new TerminalHost(colors: false));

    public void Write(LogEntry entry) => output.Write(entry);

    public void AddSecret(string value) => output.AddSecret(value);

    public bool LiveDisplay => false;

    public Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken) => output.PublishSummaryAsync(markdown, cancellationToken);
}
