using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Smoke.GitHub.Fake;

/// <summary>Issue comments: list, create and update, as the PR comment of a deploy uses them.</summary>
public sealed partial class FakeGitHubServer
{
    private async Task ListCommentsAsync(HttpContext context, long number)
    {
        List<JsonNode> onIssue;
        lock (gate)
        {
            onIssue = [.. comments.Where(c => c.Issue == number).Select(CommentJson)];
        }

        await WritePageAsync(context, onIssue);
    }

    private async Task CreateCommentAsync(HttpContext context, long number)
    {
        var text = (string?)Body(context)["body"];
        if (string.IsNullOrEmpty(text))
        {
            await WriteValidationErrorAsync(context, "IssueComment", "body", "missing_field", "https://docs.github.com/rest/issues/comments#create-an-issue-comment");
            return;
        }

        StoredComment comment;
        lock (gate)
        {
            comment = NewComment(number, text);
            comments.Add(comment);
        }

        await WriteAsync(context, 201, CommentJson(comment).ToJsonString());
    }

    private async Task UpdateCommentAsync(HttpContext context, long id)
    {
        var text = (string?)Body(context)["body"];
        StoredComment? comment;
        lock (gate)
        {
            var index = comments.FindIndex(c => c.Id == id);
            comment = index < 0 ? null : comments[index];
            if (comment is not null && !string.IsNullOrEmpty(text))
            {
                comment = comments[index] = comment with { Body = text, UpdatedAt = DateTimeOffset.UtcNow };
            }
        }

        if (comment is null)
        {
            await WriteErrorAsync(context, 404, "Not Found", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
            return;
        }

        if (string.IsNullOrEmpty(text))
        {
            await WriteValidationErrorAsync(context, "IssueComment", "body", "missing_field", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
            return;
        }

        await WriteAsync(context, 200, CommentJson(comment).ToJsonString());
    }

    private StoredComment NewComment(long issue, string body)
    {
        var now = DateTimeOffset.UtcNow;
        return new StoredComment(++nextId, issue, body, now, now);
    }

    private JsonObject CommentJson(StoredComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_kwDO{comment.Id}",
        ["url"] = $"{BaseAddress}repos/{Owner}/{Repo}/issues/comments/{comment.Id}",
        ["html_url"] = $"{ServerUrl}/{Owner}/{Repo}/pull/{comment.Issue}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{BaseAddress}repos/{Owner}/{Repo}/issues/{comment.Issue}",
        ["body"] = comment.Body,
        ["user"] = Bot(),
        ["author_association"] = "NONE",
        ["created_at"] = Timestamp(comment.CreatedAt),
        ["updated_at"] = Timestamp(comment.UpdatedAt),
    };
}
