using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>
/// Every scalar value of the compose file after variable substitution in the chosen profile. Reports
/// variables without a value (once per variable, at its first use) and malformed substitutions.
/// </summary>
internal sealed class InterpolatedDocument
{
    private readonly Dictionary<YamlScalarNode, InterpolationOutcome> _outcomes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<SourceLocation>> _uses = new(StringComparer.Ordinal);

    private InterpolatedDocument()
    {
    }

    /// <summary>Variables reported as having no value (rule SMK017).</summary>
    public IReadOnlySet<string> Unset { get; private set; } = new HashSet<string>();

    public static InterpolatedDocument Evaluate(ComposeSource source, ProfileVariables variables, string profile, ProblemList problems)
    {
        var document = new InterpolatedDocument();
        var missing = new Dictionary<string, List<(MissingVariable Variable, SourceLocation Location)>>(StringComparer.Ordinal);
        document.Visit(source.Root, source, variables, problems, missing, depth: 0);

        document.Unset = missing.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, uses) in missing)
        {
            var (variable, location) = uses[0];
            var elsewhere = uses.Skip(1).Select(use => use.Location.Line).OfType<int>().Distinct().ToList();
            var alsoAt = elsewhere.Count == 0 ? "" : $" (also used on line{(elsewhere.Count > 1 ? "s" : "")} {string.Join(", ", elsewhere)})";
            problems.Error(ConfigRule.VariableWithoutValue, location, MissingMessage(variable, profile, variables) + alsoAt);
        }

        return document;
    }

    public string? ValueOf(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when _outcomes.TryGetValue(scalar, out var outcome) => outcome.Value,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    public IReadOnlyList<string> VariablesIn(YamlNode? node) =>
        node is YamlScalarNode scalar && _outcomes.TryGetValue(scalar, out var outcome) ? outcome.Variables : [];

    /// <summary>Every variable the compose file refers to.</summary>
    public IEnumerable<string> Used => _uses.Keys;

    /// <summary>Where a variable is used, first use first; empty when the compose file does not use it.</summary>
    public IReadOnlyList<SourceLocation> UsesOf(string name) => _uses.TryGetValue(name, out var uses) ? uses : [];

    private void Visit(
        YamlNode node,
        ComposeSource source,
        ProfileVariables variables,
        ProblemList problems,
        Dictionary<string, List<(MissingVariable, SourceLocation)>> missing,
        int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (_, value) in mapping.Children)
                {
                    Visit(value, source, variables, problems, missing, depth + 1);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Visit(item, source, variables, problems, missing, depth + 1);
                }

                break;
            case YamlScalarNode { Value: { } text } scalar when !_outcomes.ContainsKey(scalar):
                var outcome = Interpolation.Evaluate(text, variables.ValueOf);
                _outcomes[scalar] = outcome;
                foreach (var name in outcome.Variables)
                {
                    var braced = source.At(scalar, "${" + name);
                    Use(name, braced != source.At(scalar) ? braced : source.At(scalar, "$" + name));
                }

                foreach (var variable in outcome.Missing)
                {
                    if (!missing.TryGetValue(variable.Name, out var uses))
                    {
                        missing[variable.Name] = uses = [];
                    }

                    uses.Add((variable, source.At(scalar, variable.Token)));
                }

                if (outcome.SyntaxError is { } error)
                {
                    problems.Error(ConfigRule.InvalidInterpolation, source.At(scalar, "$"),
                        $"invalid variable substitution: {error}. Write $$ for a literal '$', and ${{NAME}}, " +
                        "${NAME:-default} or ${NAME:?message} for a variable");
                }

                break;
        }
    }

    private void Use(string name, SourceLocation location)
    {
        if (!_uses.TryGetValue(name, out var uses))
        {
            _uses[name] = uses = [];
        }

        uses.Add(location);
    }

    private static string MissingMessage(MissingVariable variable, string profile, ProfileVariables variables)
    {
        var where = variables.WhereToSet(profile);
        if (!variable.IsRequired)
        {
            return $"variable {variable.Name} has no value in profile \"{profile}\" and no default, so compose would substitute an empty string: " +
                $"{where}, or give it a default with ${{{variable.Name}:-value}}";
        }

        var state = variable.IsSetButEmpty ? "is empty" : "is not set";
        var author = string.IsNullOrWhiteSpace(variable.AuthorMessage) ? "" : $" (\"{variable.AuthorMessage}\")";
        return $"variable {variable.Name} is required{author} but {state} in profile \"{profile}\", so compose refuses to start: {where}";
    }
}
