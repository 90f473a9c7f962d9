using System.Collections;

namespace Smoke.Pipeline;

/// <summary>
/// The environment as parameters read it: <c>SMOKE_</c> and <c>NUKE_</c> names in any spelling, and an unprefixed name
/// only where the parameter opts in (<see cref="ParameterAttribute.UnprefixedVariable"/>). Platforms set ENVIRONMENT,
/// RELEASE or MODE for their own reasons; such a variable must never decide what is deployed, or where.
/// </summary>
internal sealed class EnvironmentVariables(IReadOnlyDictionary<string, string> variables)
{
    private static readonly string[] Prefixes = ["SMOKE_", "NUKE_"];

    public static EnvironmentVariables OfProcess()
    {
        var variables = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }

        return new EnvironmentVariables(variables);
    }

    /// <summary>One variable by its exact name, for the engine's own switches (GITHUB_ACTIONS, NO_COLOR).</summary>
    public string? Get(string name) => variables.GetValueOrDefault(name);

    /// <summary>
    /// The variable that sets <paramref name="parameter"/>, or null. An empty variable counts as not set, so a workflow
    /// can pass an optional input through unconditionally. <c>SMOKE_</c> beats <c>NUKE_</c> beats the opted-in unprefixed
    /// name; two spellings with the same prefix that disagree (SMOKE_MODE, smoke_mode) stop the build rather than pick one.
    /// </summary>
    public (string Name, string Value)? Find(ParameterMember parameter)
    {
        var candidates = variables
            .Where(v => v.Value.Length > 0)
            .Select(v => (v.Key, v.Value, Rank: Rank(parameter, v.Key)))
            .Where(v => v.Rank is not null)
            .OrderBy(v => v.Rank)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var first = candidates[0];
        var conflicting = candidates.Where(c => c.Rank / 2 == first.Rank / 2 && c.Value != first.Value).Select(c => c.Key).ToList();
        if (conflicting.Count > 0)
        {
            throw new UsageException(
                $"Parameter '{parameter.Name}' is set by {string.Join(" and ", conflicting.Prepend(first.Key))} with different values; keep one of them, or pass {parameter.OptionName} to override them.");
        }

        return (first.Key, first.Value);
    }

    /// <summary>
    /// One line naming every variable that looks like a parameter (ENVIRONMENT, RELEASE, COMPOSE_FILE) but is not read,
    /// or null when there is none. Never the values: one may be a secret.
    /// </summary>
    public string? IgnoredNotice(IReadOnlyList<ParameterMember> parameters)
    {
        var ignored = variables
            .Where(v => v.Value.Length > 0 && !parameters.Any(p => Rank(p, v.Key) is not null))
            .Select(v => (Variable: v.Key, Parameter: parameters.FirstOrDefault(p => !p.IsEngineOption && ParameterNames.Normalize(v.Key) == p.Key)))
            .Where(v => v.Parameter is not null)
            .OrderBy(v => v.Variable, StringComparer.Ordinal)
            .ToList();
        if (ignored.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", ignored.Select(v => v.Variable));
        var instead = string.Join(", ", ignored.Select(v => v.Parameter!.EnvironmentNames[0]));
        var options = string.Join(", ", ignored.Select(v => v.Parameter!.OptionName));
        return $"ignoring environment variable{(ignored.Count == 1 ? "" : "s")} {names}: parameters read only prefixed names "
            + $"({instead}) or options ({options}), never a name other tools set for their own reasons (docs/parameters.md)";
    }

    /// <summary>0-1: a SMOKE_ spelling (canonical first), 2-3: a NUKE_ spelling, 4: the opted-in unprefixed name; null: not this parameter's.</summary>
    private static int? Rank(ParameterMember parameter, string variable)
    {
        for (var i = 0; i < Prefixes.Length; i++)
        {
            var prefix = Prefixes[i];
            if (variable.Length > prefix.Length
                && variable.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && ParameterNames.Normalize(variable[prefix.Length..]) == parameter.Key)
            {
                return (2 * i) + (variable == prefix + ParameterNames.Snake(parameter.Name) ? 0 : 1);
            }
        }

        return variable == parameter.UnprefixedVariable ? 4 : null;
    }
}
