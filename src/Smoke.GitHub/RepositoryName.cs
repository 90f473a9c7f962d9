namespace Smoke.GitHub;

/// <summary>A repository as GitHub names it: <c>owner/name</c>.</summary>
public sealed record RepositoryName
{
    public RepositoryName(string owner, string name)
    {
        if (!IsValidPart(owner) || !IsValidPart(name))
        {
            throw new ArgumentException(
                $"\"{owner}/{name}\" is not a GitHub repository name: expected owner/name, each made of letters, digits, '-', '_' or '.'.");
        }

        Owner = owner;
        Name = name;
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary>Parses <c>owner/name</c>, the form of <c>GITHUB_REPOSITORY</c>.</summary>
    public static RepositoryName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var repository)
            ? repository
            : throw new FormatException(
                $"\"{value}\" is not a GitHub repository name: expected owner/name, e.g. acme/shop (the form of GITHUB_REPOSITORY).");
    }

    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RepositoryName? repository)
    {
        repository = null;
        var parts = value?.Trim().Split('/');
        if (parts is not [var owner, var name] || !IsValidPart(owner) || !IsValidPart(name))
        {
            return false;
        }

        repository = new RepositoryName(owner, name);
        return true;
    }

    public override string ToString() => $"{Owner}/{Name}";

    internal string ApiPath => $"/repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    private static bool IsValidPart(string? part) =>
        !string.IsNullOrEmpty(part) && part is not "." and not ".." &&
        part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
