using System.Net.Http.Headers;

namespace Smoke.GitHub;

/// <summary>Reads GitHub's pagination header: <c>&lt;https://…?page=2&gt;; rel="next", &lt;…&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    public static Uri? Next(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';');
            var target = parts[0].Trim();
            if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
            {
                continue;
            }

            var isNext = parts.Skip(1)
                .Select(p => p.Trim().Replace(" ", "", StringComparison.Ordinal))
                .Any(p => p.Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase)
                    || p.Equals("rel=next", StringComparison.OrdinalIgnoreCase));
            if (isNext && Uri.TryCreate(target[1..^1], UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }
}
