using System.Text;

namespace Smoke.Testing.Running;

/// <summary>VSTest <c>--filter</c> expressions: trait and name conditions, escaped and combined.</summary>
internal static class TestFilter
{
    public const string Quick = "Level=1|Level=2|Critical=true";

    public const string Critical = "Critical=true";

    public static string Equals(string property, string value) => $"{property}={Escape(value)}";

    public static string Contains(string property, string value) => $"{property}~{Escape(value)}";

    public static string AnyOf(IEnumerable<string> conditions) => string.Join('|', conditions);

    /// <summary>Every part must hold; null parts are left out, and the result is null when nothing is left.</summary>
    public static string? AllOf(params string?[] parts)
    {
        var present = parts.Where(part => !string.IsNullOrEmpty(part)).ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => string.Join('&', present.Select(part => $"({part})")),
        };
    }

    /// <summary>The characters VSTest's filter grammar gives a meaning to are taken literally after a backslash.</summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
