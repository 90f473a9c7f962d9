namespace Smoke.Stack.Validation;

/// <summary>
/// The one reader of compose env files, for validation and for the build's stack variables: <c>NAME=value</c> lines, <c>#</c> comments, an optional <c>export</c>, values in
/// matching quotes, and <c> #</c> comments after unquoted values.
/// </summary>
public static class EnvFile
{
    /// <summary>The variables of the env file at <paramref name="path"/> as compose reads them (a later line wins); none when it does not exist.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var variable in Parse(File.ReadAllLines(path), path, malformedLine: null))
            {
                variables[variable.Name] = variable.Value;
            }
        }

        return variables;
    }

    internal static async Task<IReadOnlyList<ProfileVariable>?> ReadAsync(
        string path, bool mustExist, ProblemList problems, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            if (mustExist)
            {
                problems.Error(ConfigRule.EnvFileMissing, new SourceLocation(path),
                    $"env file {path} does not exist: create it with the profile's NAME=value lines, or fix the path");
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(ConfigRule.EnvFileMissing, new SourceLocation(path),
                $"env file {path} cannot be read ({exception.Message}): check its permissions");
            return null;
        }

        return Parse(lines, path, malformedLine: index => problems.Warning(ConfigRule.EnvFileMalformedLine, new SourceLocation(path, index, 1),
            $"line {index} of {Path.GetFileName(path)} is not NAME=value with a name of letters, digits and '_': " +
            "compose rejects or ignores it; fix the line or comment it out with '#'"));
    }

    /// <summary>The NAME=value lines; <paramref name="malformedLine"/> hears of each other line that is not blank or a comment (1-based).</summary>
    private static List<ProfileVariable> Parse(string[] lines, string path, Action<int>? malformedLine)
    {
        var variables = new List<ProfileVariable>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? line : line[..equals].Trim();
            if (equals <= 0 || !IsVariableName(name))
            {
                malformedLine?.Invoke(index + 1);
                continue;
            }

            variables.Add(new ProfileVariable(name, Unquote(line[(equals + 1)..].Trim()), path, index + 1));
        }

        return variables;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            return value[1..^1];
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment < 0 ? value : value[..comment].TrimEnd();
    }

    private static bool IsVariableName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-');
}
