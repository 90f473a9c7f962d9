using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Smoke.Stack.Compose;

/// <summary>
/// Remembers where the last parsed event ended, because some malformed inputs make YamlDotNet's scanner
/// throw an exception that carries no position.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastPosition { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastPosition = current.End;
        }

        return moved;
    }
}
