using System.Text;

namespace Smoke.Stack.Engine;

/// <summary>Builds <c>?a=1&amp;b=2</c> with every value escaped; null values are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, bool value) => Add(name, value ? "1" : "0");

    public QueryString AddFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        filters.Values.Any(v => v.Count > 0) ? Add("filters", EngineJson.Filters(filters)) : this;

    public override string ToString() => _text.ToString();
}
