namespace Smoke.GitHub.Fake;

/// <summary>A comment on an issue or pull request as the fake server keeps it.</summary>
public sealed record StoredComment(long Id, long Issue, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
