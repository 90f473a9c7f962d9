namespace Smoke.GitHub;

/// <summary>The comment that now holds the body, and whether it was created, updated or already right.</summary>
public sealed record CommentUpsert(IssueComment Comment, CommentUpsertOutcome Outcome);
