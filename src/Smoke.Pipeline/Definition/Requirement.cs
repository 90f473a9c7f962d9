using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Smoke.Pipeline;

/// <summary>Something that must hold before any target runs: a parameter with a value, or a condition.</summary>
internal sealed partial record Requirement(Func<bool> IsMet, string Text, MemberInfo? Parameter)
{
    public static Requirement ForParameter<T>(Expression<Func<T>> parameter)
    {
        var member = (parameter.Body as MemberExpression)?.Member
            ?? throw new ArgumentException(
                $"Requires(() => X) takes a parameter field or property, but got '{parameter.Body}'. Use Requires(() => condition) for conditions.",
                nameof(parameter));
        var read = parameter.Compile();
        return new Requirement(() => HasValue(read()), member.Name, member);
    }

    public static Requirement ForCondition(Func<bool> condition, string text)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new Requirement(condition, text, null);
    }

    /// <summary>Source-like text of a condition: <c>Retries &gt; 1</c> rather than <c>(value(Build).Retries &gt; 1)</c>.</summary>
    public static string Describe(Expression<Func<bool>> condition)
    {
        var text = CapturedInstance().Replace(condition.Body.ToString(), "")
            .Replace(" AndAlso ", " && ", StringComparison.Ordinal)
            .Replace(" OrElse ", " || ", StringComparison.Ordinal)
            .Replace("Not(", "!(", StringComparison.Ordinal)
            .Replace("False", "false", StringComparison.Ordinal)
            .Replace("True", "true", StringComparison.Ordinal);
        return text.StartsWith('(') && text.EndsWith(')') ? text[1..^1] : text;
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count > 0,
        _ => true,
    };

    [GeneratedRegex(@"value\([^()]*\)\.", RegexOptions.CultureInvariant)]
    private static partial Regex CapturedInstance();
}
