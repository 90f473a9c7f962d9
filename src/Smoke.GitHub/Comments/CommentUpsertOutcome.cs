namespace Smoke.GitHub;

public enum CommentUpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}
