using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace Smoke.Pipeline;

/// <summary>Something that must hold before any target runs: a parameter with a value, or a condition.</summary>
internal sealed record Requirement(Func<bool> IsMet, string Text, MemberInfo? Parameter)
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

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}
