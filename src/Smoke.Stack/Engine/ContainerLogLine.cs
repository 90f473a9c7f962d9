namespace Smoke.Stack.Engine;

/// <summary>One log line. A TTY container has one merged stream, reported as stdout.</summary>
public sealed record ContainerLogLine(LogStream Stream, string Text, DateTimeOffset? Time = null)
{
    public override string ToString() => Text;
}
