using System.Globalization;

namespace Smoke.Build.Workflows;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> (<c>--shard 2/3</c>): the smoke projects, in ordinal order of their paths,
/// dealt round-robin, so every shard gets a stable, near-equal share and together they cover every project once.
/// </summary>
internal sealed record SmokeShard(int Index, int Count)
{
    public static SmokeShard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/n</c> with 1 &lt;= i &lt;= n; a bad value throws <see cref="FormatException"/> saying what is expected.</summary>
    public static SmokeShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new SmokeShard(index, count);
        }

        throw new FormatException($"shard '{text}' is not valid; expected i/n with 1 <= i <= n, such as 1/2 or 2/2");
    }

    public IReadOnlyList<string> Select(IEnumerable<string> projects) =>
        [.. projects.Order(StringComparer.Ordinal).Where((_, position) => position % Count == Index - 1)];

    public override string ToString() => $"{Index}/{Count}";
}
