using Smoke.Stack.Compose;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>A parsed compose file with its text, so problems can point at a node or at a token inside one.</summary>
internal sealed class ComposeSource
{
    private readonly string[] _lines;

    private ComposeSource(string path, string[] lines, YamlMappingNode root)
    {
        Path = path;
        _lines = lines;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public static async Task<ComposeSource?> LoadAsync(string path, ProblemList problems, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Error(ConfigRule.ComposeFileUnusable, new SourceLocation(path),
                $"compose file {path} does not exist: check the path, or pass the compose file of the stack to validate");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(ConfigRule.ComposeFileUnusable, new SourceLocation(path),
                $"compose file {path} cannot be read ({exception.Message}): check its permissions");
            return null;
        }

        YamlMappingNode root;
        try
        {
            root = ComposeYaml.Load(text, System.IO.Path.GetFileName(path));
        }
        catch (ComposeYamlException exception)
        {
            problems.Error(exception.IsSyntax ? ConfigRule.YamlSyntax : ConfigRule.ComposeFileUnusable, new SourceLocation(path, exception.Line, exception.Column),
                exception.IsSyntax ? SyntaxMessage(path, exception.Message) : exception.Message);
            return null;
        }

        var lines = text.Split('\n');
        return new ComposeSource(path, lines, root);
    }

    public SourceLocation At(YamlNode node) => new(Path, LineOf(node.Start), ColumnOf(node.Start));

    /// <summary>The position of <paramref name="token"/> inside <paramref name="node"/>'s text, or the node's start.</summary>
    public SourceLocation At(YamlNode node, string token)
    {
        var firstLine = (int)node.Start.Line;
        var lastLine = Math.Max(firstLine, (int)node.End.Line);
        for (var line = firstLine; line <= lastLine && line <= _lines.Length; line++)
        {
            var text = _lines[line - 1];
            var from = line == firstLine ? Math.Min(Math.Max(0, (int)node.Start.Column - 1), text.Length) : 0;
            var index = text.IndexOf(token, from, StringComparison.Ordinal);
            if (index >= 0)
            {
                return new SourceLocation(Path, line, index + 1);
            }
        }

        return At(node);
    }

    private static string SyntaxMessage(string path, string parserMessage)
    {
        var fix = parserMessage.StartsWith("Duplicate key", StringComparison.Ordinal)
            ? "Each key may appear once in a mapping: merge the two entries or rename one"
            : "Fix the indentation, quoting, a missing ':' or an unclosed bracket at or just before this position";
        return $"{System.IO.Path.GetFileName(path)} is not valid YAML: {parserMessage.TrimEnd('.')}. {fix}; " +
            "the rest of the compose file is checked once it parses";
    }

    private static int? LineOf(Mark mark) => mark.Line > 0 ? (int)mark.Line : null;

    private static int? ColumnOf(Mark mark) => mark.Line > 0 ? (int)mark.Column : null;
}
