using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Pipeline;

/// <summary>Turns the text a source gave into a parameter's type: string, bool, int, enum, TimeSpan, or an array of those.</summary>
internal static partial class ParameterValues
{
    public static bool IsFlag(Type type) => Element(type) == typeof(bool) && !type.IsArray;

    /// <summary>Parses one source's values; a bool flag given without a value is true. Throws <see cref="FormatException"/> naming the bad value.</summary>
    public static object? Parse(Type type, IReadOnlyList<string> values)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ParseOne(element, values[i]), i);
            }

            return array;
        }

        return values.Count switch
        {
            0 when IsFlag(type) => true,
            1 => ParseOne(type, values[0]),
            0 => throw new FormatException("no value was given"),
            _ => throw new FormatException($"{values.Count} values were given where one is expected"),
        };
    }

    public static string Expected(Type type) => type.IsArray
        ? $"one or more values, each {Expected(type.GetElementType()!)}"
        : Element(type) switch
        {
            var t when t == typeof(bool) => "true or false",
            var t when t == typeof(int) => "a whole number",
            var t when t == typeof(TimeSpan) => "a duration such as 90s, 2m, 1h30m or 00:01:30",
            { IsEnum: true } t => "one of " + string.Join(", ", Enum.GetNames(t)),
            _ => "text",
        };

    /// <summary>How <c>--help</c> shows the value a parameter takes.</summary>
    public static string Form(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : Element(type);
        var form = element switch
        {
            var t when t == typeof(bool) => "true|false",
            var t when t == typeof(int) => "number",
            var t when t == typeof(TimeSpan) => "duration",
            { IsEnum: true } t => string.Join('|', Enum.GetNames(t)),
            _ => "text",
        };
        return type.IsArray ? $"<{form}>..." : IsFlag(type) ? $"[{form}]" : $"<{form}>";
    }

    public static string Display(object? value) => value switch
    {
        null => "(not set)",
        string text => text.Length == 0 ? "(empty)" : text,
        bool flag => flag ? "true" : "false",
        TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
        IEnumerable items => items.Cast<object?>().Any() ? string.Join(' ', items.Cast<object?>().Select(Display)) : "(none)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static void EnsureSupported(ParameterMember parameter)
    {
        var element = parameter.Type.IsArray ? parameter.Type.GetElementType()! : Element(parameter.Type);
        if (!(element == typeof(string) || element == typeof(bool) || element == typeof(int) || element == typeof(TimeSpan) || element.IsEnum))
        {
            throw new UsageException(
                $"Parameter '{parameter.Name}' is a {parameter.Type.Name}; parameters are string, bool, int, enum, TimeSpan or arrays of those.");
        }
    }

    public static Type Element(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static object ParseOne(Type type, string text)
    {
        var element = Element(type);
        var value = text.Trim();
        if (element == typeof(string))
        {
            return text;
        }

        if (element == typeof(bool) && bool.TryParse(value, out var flag))
        {
            return flag;
        }

        if (element == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (element.IsEnum && Enum.GetNames(element).FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse(element, name);
        }

        if (element == typeof(TimeSpan) && TryParseDuration(value, out var duration))
        {
            return duration;
        }

        throw new FormatException($"'{text}' is not valid");
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        }

        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length)
        {
            return false;
        }

        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();
}
