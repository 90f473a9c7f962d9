using System.Globalization;
using Xunit.Abstractions;

namespace SmokeTests.Shared;

/// <summary>The trait names the pipeline filters and reports on, and the values a smoke test may give them.</summary>
internal static class SmokeTraits
{
    public const string Level = "Level";
    public const string Critical = "Critical";
    public const string Category = "Category";

    private const string Levels = "1 (configuration and infrastructure), 2 (health), 3 (critical paths) or 4 (workflows)";

    public static IEnumerable<KeyValuePair<string, string>> Of(IAttributeInfo smokeAttribute)
    {
        yield return new(Level, smokeAttribute.GetNamedArgument<int>(Level).ToString(CultureInfo.InvariantCulture));
        yield return new(Critical, smokeAttribute.GetNamedArgument<bool>(Critical) ? "true" : "false");
        yield return new(Category, smokeAttribute.GetNamedArgument<string>(Category) ?? "");
    }

    /// <summary>Why the attribute's traits are unusable, or null when they are fine.</summary>
    public static string? Problem(IAttributeInfo smokeAttribute, ITestMethod testMethod)
    {
        var test = $"{testMethod.TestClass.Class.Name}.{testMethod.Method.Name}";
        var level = smokeAttribute.GetNamedArgument<int>(Level);
        if (level is < 1 or > 4)
        {
            return $"{test} has Level = {level}; a smoke test's level is {Levels}.";
        }

        return string.IsNullOrWhiteSpace(smokeAttribute.GetNamedArgument<string>(Category))
            ? $"{test} has an empty Category; name the area it covers, e.g. Category = \"jobs\"."
            : null;
    }
}
