namespace Smoke.GitHub;

/// <summary>Sizes GitHub rejects with 422; cutting client-side keeps a long verdict from failing the call.</summary>
internal static class GitHubLimits
{
    public const int DescriptionLength = 140;
    public const int CommentLength = 65536;

    public static string? ShortDescription(string? description) =>
        description is null || description.Length <= DescriptionLength ? description : description[..(DescriptionLength - 1)] + "…";

    public static string CommentBody(string body)
    {
        const string Notice = "\n\n… (cut: GitHub keeps at most 65536 characters in a comment)";
        return body.Length <= CommentLength ? body : body[..(CommentLength - Notice.Length)] + Notice;
    }
}
