using System.Text;

namespace Smoke.Pipeline;

/// <summary>One parameter, many spellings: <c>ApiKey</c>, <c>--api-key</c>, <c>API_KEY</c>; matching ignores case, dashes and underscores.</summary>
internal static class ParameterNames
{
    public static string Normalize(string name) =>
        new([.. name.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant)]);

    public static string Kebab(string name) => Words(name, '-').ToLowerInvariant();

    public static string Snake(string name) => Words(name, '_').ToUpperInvariant();

    public static string Pascal(string memberName)
    {
        var name = memberName.TrimStart('_');
        return name.Length == 0 ? memberName : char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Words(string name, char separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord && text.Length > 0 && text[^1] != separator)
            {
                text.Append(separator);
            }

            text.Append(c is '-' or '_' ? separator : c);
        }

        return text.ToString();
    }
}
