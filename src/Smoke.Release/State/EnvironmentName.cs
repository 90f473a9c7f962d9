using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Smoke.Release;

/// <summary>Environment names become file names, so they are held to <c>[a-z0-9-]</c>.</summary>
public static partial class EnvironmentName
{
    /// <exception cref="ArgumentException">The name is empty, too long or has other characters; the message shows a valid example.</exception>
    public static string Validate(string? environment)
    {
        if (environment is null || !ValidName().IsMatch(environment))
        {
            throw new ArgumentException(
                $"environment name \"{environment}\" is not valid: use 1 to 63 lower-case letters, digits and '-', " +
                "starting and ending with a letter or digit (for example \"staging\" or \"eu-prod-1\")",
                nameof(environment));
        }

        return environment;
    }

    /// <summary>True when <see cref="Validate"/> would accept the name.</summary>
    public static bool IsValid([NotNullWhen(true)] string? environment) => environment is not null && ValidName().IsMatch(environment);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
