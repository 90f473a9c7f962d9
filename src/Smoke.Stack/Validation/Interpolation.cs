using System.Text;

namespace Smoke.Stack.Validation;

/// <summary>
/// Compose's variable substitution: <c>$$</c> is a literal <c>$</c>; <c>$NAME</c> and <c>${NAME}</c> need a value
/// (an empty one will do); <c>${NAME:-default}</c> and <c>${NAME-default}</c> fall back when unset-or-empty / unset;
/// <c>${NAME:?message}</c> and <c>${NAME?message}</c> fail when unset-or-empty / unset; <c>${NAME:+alt}</c> and
/// <c>${NAME+alt}</c> substitute <c>alt</c> when set. Defaults may hold further substitutions.
/// </summary>
internal static class Interpolation
{
    public static InterpolationOutcome Evaluate(string text, Func<string, string?> lookup)
    {
        var state = new State(lookup);
        var value = Substitute(text, state);
        return new InterpolationOutcome(value, state.Variables, state.Missing, state.SyntaxError);
    }

    private static string Substitute(string text, State state)
    {
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (character != '$')
            {
                result.Append(character);
                index++;
                continue;
            }

            if (index + 1 == text.Length)
            {
                state.Fail($"a lone '$' ends \"{text}\"");
                result.Append('$');
                break;
            }

            var next = text[index + 1];
            if (next == '$')
            {
                result.Append('$');
                index += 2;
            }
            else if (next == '{')
            {
                var close = ClosingBrace(text, index + 2);
                if (close < 0)
                {
                    state.Fail($"'${{' without a closing '}}' in \"{text}\"");
                    result.Append(text, index, text.Length - index);
                    break;
                }

                result.Append(Braced(text[(index + 2)..close], state));
                index = close + 1;
            }
            else if (IsNameStart(next))
            {
                var end = NameEnd(text, index + 1);
                var name = text[(index + 1)..end];
                var value = state.Lookup(name);
                if (value is null)
                {
                    state.Missing.Add(new MissingVariable(name, "$" + name, IsRequired: false, AuthorMessage: null, IsSetButEmpty: false));
                }

                result.Append(value);
                index = end;
            }
            else
            {
                state.Fail($"'$' followed by '{next}' in \"{text}\"");
                result.Append('$');
                index++;
            }
        }

        return result.ToString();
    }

    private static string Braced(string inner, State state)
    {
        var nameEnd = inner.Length > 0 && IsNameStart(inner[0]) ? NameEnd(inner, 0) : 0;
        if (nameEnd == 0)
        {
            state.Fail($"\"${{{inner}}}\" does not start with a variable name");
            return "";
        }

        var name = inner[..nameEnd];
        var modifier = inner[nameEnd..];
        var value = state.Lookup(name);
        var token = "${" + name;
        var setAndNonEmpty = !string.IsNullOrEmpty(value);

        if (modifier.Length == 0)
        {
            if (value is null)
            {
                state.Missing.Add(new MissingVariable(name, token, IsRequired: false, AuthorMessage: null, IsSetButEmpty: false));
            }

            return value ?? "";
        }

        if (modifier.StartsWith(":-", StringComparison.Ordinal))
        {
            return setAndNonEmpty ? value! : Substitute(modifier[2..], state);
        }

        if (modifier.StartsWith(":?", StringComparison.Ordinal))
        {
            if (!setAndNonEmpty)
            {
                state.Missing.Add(new MissingVariable(name, token, IsRequired: true, modifier[2..], IsSetButEmpty: value is not null));
            }

            return value ?? "";
        }

        if (modifier.StartsWith(":+", StringComparison.Ordinal))
        {
            return setAndNonEmpty ? Substitute(modifier[2..], state) : "";
        }

        switch (modifier[0])
        {
            case '-':
                return value ?? Substitute(modifier[1..], state);
            case '?':
                if (value is null)
                {
                    state.Missing.Add(new MissingVariable(name, token, IsRequired: true, modifier[1..], IsSetButEmpty: false));
                }

                return value ?? "";
            case '+':
                return value is null ? "" : Substitute(modifier[1..], state);
            default:
                state.Fail($"\"${{{inner}}}\" has '{modifier}' after the variable name, where compose expects '}}', ':-', '-', ':?', '?', ':+' or '+'");
                return "";
        }
    }

    private static int ClosingBrace(string text, int from)
    {
        var depth = 1;
        for (var index = from; index < text.Length; index++)
        {
            if (text[index] == '{')
            {
                depth++;
            }
            else if (text[index] == '}' && --depth == 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static int NameEnd(string text, int from)
    {
        var index = from;
        while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_'))
        {
            index++;
        }

        return index;
    }

    private static bool IsNameStart(char character) => char.IsAsciiLetter(character) || character == '_';

    private sealed class State(Func<string, string?> lookup)
    {
        public List<string> Variables { get; } = [];

        public List<MissingVariable> Missing { get; } = [];

        public string? SyntaxError { get; private set; }

        public string? Lookup(string name)
        {
            if (!Variables.Contains(name))
            {
                Variables.Add(name);
            }

            return lookup(name);
        }

        public void Fail(string error) => SyntaxError ??= error;
    }
}
