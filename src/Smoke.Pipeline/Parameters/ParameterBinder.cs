using System.Text.Json;

namespace Smoke.Pipeline;

/// <summary>
/// Sets every parameter from the highest source that has it: command line, environment, each
/// <c>.nuke/parameters.&lt;profile&gt;.json</c> (later profiles win), <c>.nuke/parameters.json</c>. A parameter no source has keeps its default.
/// </summary>
internal sealed class ParameterBinder(IReadOnlyList<ParameterMember> parameters, string rootDirectory, EnvironmentVariables environment)
{
    private const string SchemaKey = "$schema";

    /// <summary>Binds every parameter and returns where each value came from.</summary>
    public IReadOnlyDictionary<ParameterMember, string> Bind(PipelineBuild build, CommandLineArguments commandLine)
    {
        foreach (var parameter in parameters)
        {
            ParameterValues.EnsureSupported(parameter);
        }

        var unknown = commandLine.Options.FirstOrDefault(o => parameters.All(p => p.Key != o.Key));
        if (unknown.Value is not null)
        {
            throw new UsageException(
                $"Unknown option '{unknown.Value.Given}'.{Suggestions.DidYouMean(unknown.Value.Given.TrimStart('-'), parameters.Select(p => ParameterNames.Kebab(p.Name)).Append("help").Append("plan"), "--")} Run with --help to list parameters.");
        }

        var sources = new Dictionary<ParameterMember, string>();
        var profile = parameters.Single(p => p.Key == ParameterNames.Normalize(nameof(PipelineBuild.Profile)));
        if (FromCommandLineOrEnvironment(profile, commandLine) is { } profileSource)
        {
            profile.SetValue(build, Parse(profile, profileSource));
            sources[profile] = profileSource.Source;
        }

        var files = ((string[]?)profile.GetValue(build) ?? []).Reverse().Select(ReadProfile).ToList();
        var defaults = Path.Combine(rootDirectory, ".nuke", "parameters.json");
        if (File.Exists(defaults))
        {
            files.Add(ReadFile(defaults, ".nuke/parameters.json"));
        }

        foreach (var parameter in parameters.Where(p => p != profile))
        {
            var found = FromCommandLineOrEnvironment(parameter, commandLine)
                ?? files.Select(f => f.GetValueOrDefault(parameter.Key)).FirstOrDefault(v => v is not null);
            if (found is not null)
            {
                parameter.SetValue(build, Parse(parameter, found));
                sources[parameter] = found.Source;
            }
        }

        return sources;
    }

    private static object? Parse(ParameterMember parameter, SourcedValue found)
    {
        try
        {
            return ParameterValues.Parse(parameter.Type, found.Values);
        }
        catch (FormatException e)
        {
            var problem = parameter.IsSecret ? "the value is not valid" : e.Message;
            throw new UsageException(
                $"Parameter '{parameter.Name}' from {found.Source}: {problem}; expected {ParameterValues.Expected(parameter.Type)}. Fix it there, or pass {parameter.OptionName} to override it.",
                e);
        }
    }

    private SourcedValue? FromCommandLineOrEnvironment(ParameterMember parameter, CommandLineArguments commandLine)
    {
        if (commandLine.Options.TryGetValue(parameter.Key, out var option))
        {
            return new SourcedValue(option.Values, $"the command line ({option.Given})");
        }

        if (environment.Find(parameter) is not { } variable)
        {
            return null;
        }

        IReadOnlyList<string> values = parameter.Type.IsArray
            ? variable.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [variable.Value];
        return new SourcedValue(values, $"environment variable {variable.Name}");
    }

    private Dictionary<string, SourcedValue> ReadProfile(string profile)
    {
        var path = Path.Combine(rootDirectory, ".nuke", $"parameters.{profile}.json");
        if (File.Exists(path))
        {
            return ReadFile(path, $".nuke/parameters.{profile}.json");
        }

        var known = Directory.Exists(Path.Combine(rootDirectory, ".nuke"))
            ? Directory.GetFiles(Path.Combine(rootDirectory, ".nuke"), "parameters.*.json")
                .Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        throw new UsageException(
            $"Profile '{profile}' has no file .nuke/parameters.{profile}.json in {rootDirectory}. "
            + (known.Count == 0 ? "There are no profiles; create that file or drop --profile." : $"Profiles there: {string.Join(", ", known)}."));
    }

    private Dictionary<string, SourcedValue> ReadFile(string path, string displayName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                File.ReadAllText(path),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{displayName} is not valid JSON: {e.Message} Fix the file (its schema is .nuke/build.schema.json).", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{displayName} must hold a JSON object of parameter names and values, like {{ \"Configuration\": \"Release\" }}.");
            }

            var values = new Dictionary<string, SourcedValue>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == SchemaKey)
                {
                    continue;
                }

                var key = ParameterNames.Normalize(property.Name);
                var parameter = parameters.FirstOrDefault(p => p.Key == key)
                    ?? throw new UsageException(
                        $"{displayName} sets '{property.Name}', which is not a parameter of this build.{Suggestions.DidYouMean(property.Name, parameters.Select(p => p.Name))} Run with --help to list parameters.");
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    RefuseSecret(parameter, displayName);
                    values[key] = new SourcedValue(Texts(property, displayName), displayName);
                }
            }

            return values;
        }
    }

    /// <summary>A parameters file is committed and copied around, so a secret never comes from one (NUKE's rule, without its encryption).</summary>
    private static void RefuseSecret(ParameterMember parameter, string displayName)
    {
        if (parameter.IsSecret)
        {
            throw new UsageException(
                $"{displayName} sets the secret parameter '{parameter.Name}'; secrets are never read from a parameters file, in plain text or encrypted. "
                + $"Remove it from {displayName} and set {parameter.EnvironmentNames[0]} in the environment instead (on GitHub Actions, from a repository secret).");
        }
    }

    private static string[] Texts(JsonProperty property, string displayName) => property.Value.ValueKind switch
    {
        JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(e => Text(e, property.Name, displayName))],
        _ => [Text(property.Value, property.Name, displayName)],
    };

    private static string Text(JsonElement element, string name, string displayName) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new UsageException($"{displayName} gives '{name}' a {element.ValueKind}; use a string, number, true/false, or an array of those."),
    };

    private sealed record SourcedValue(IReadOnlyList<string> Values, string Source);
}
