namespace Smoke.Build.Docs;

/// <summary>A link in a list of docs/index.md: the sidebar entry <see cref="Title"/> under <see cref="Group"/> (the heading above the list).</summary>
internal sealed record NavigationEntry(string? Group, string Title, string Page, int Line);
