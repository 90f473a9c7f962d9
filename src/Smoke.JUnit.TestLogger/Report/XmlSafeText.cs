using System.Globalization;
using System.Text;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>
/// Makes any string writable in XML 1.0. Characters XML cannot carry at all, not even as a character reference
/// (control characters, unpaired surrogates), become a visible <c>\uXXXX</c> so the report stays readable and parseable.
/// </summary>
internal static class XmlSafeText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var firstInvalid = FirstInvalid(text);
        if (firstInvalid < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        safe.Append(text, 0, firstInvalid);
        for (var i = firstInvalid; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (IsValid(c))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsValid(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsValid(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
