using Smoke.Stack.Engine;

namespace Smoke.Stack.Fixtures;

/// <summary>A test container did not start or never became ready; the message carries its state and last log lines.</summary>
public sealed class ContainerStartupException : Exception
{
    public ContainerStartupException(string message, ContainerState? state, IReadOnlyList<string> lastLogLines, Exception? innerException = null)
        : base(Compose(message, state, lastLogLines), innerException)
    {
        State = state;
        LastLogLines = lastLogLines;
    }

    public ContainerState? State { get; }

    public IReadOnlyList<string> LastLogLines { get; }

    private static string Compose(string message, ContainerState? state, IReadOnlyList<string> lines)
    {
        var text = message;
        if (state is not null)
        {
            text += $"{Environment.NewLine}state: {state}";
        }

        if (lines.Count > 0)
        {
            text += $"{Environment.NewLine}last {lines.Count} log lines:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lines)}";
        }
        else if (state is not null)
        {
            text += $"{Environment.NewLine}(the container logged nothing)";
        }

        return text;
    }
}
