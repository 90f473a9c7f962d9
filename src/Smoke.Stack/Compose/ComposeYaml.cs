using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Compose;

/// <summary>
/// The one YAML reader of compose files: validation (<c>ComposeSource</c>) and the model every other step uses
/// (<see cref="ComposeFileModel"/>) both load through it, so both see the same document and the same errors.
/// </summary>
internal static class ComposeYaml
{
    /// <summary>The top-level mapping of <paramref name="text"/>.</summary>
    /// <exception cref="ComposeYamlException">The text is not YAML, or its top level is not a mapping.</exception>
    public static YamlMappingNode Load(string text, string fileName)
    {
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            throw new ComposeYamlException(exception.Message, exception.Start, isSyntax: true, exception);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
            throw new ComposeYamlException("the parser could not read past this point", parser.LastPosition, isSyntax: true, exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var start = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
            throw new ComposeYamlException(
                $"{fileName} is not a compose file: its top level must be a mapping with a services: key", start, isSyntax: false, inner: null);
        }

        return root;
    }
}

/// <summary>Why a compose file could not be loaded, and where (1-based line and column; null when unknown).</summary>
internal sealed class ComposeYamlException(string message, Mark position, bool isSyntax, Exception? inner) : Exception(message, inner)
{
    public int? Line { get; } = position.Line > 0 ? (int)position.Line : null;

    public int? Column { get; } = position.Line > 0 ? (int)position.Column : null;

    /// <summary>True for a YAML syntax error; false for YAML whose top level is not a mapping.</summary>
    public bool IsSyntax { get; } = isSyntax;
}
