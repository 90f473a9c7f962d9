using System.Net;

namespace Smoke.GitHub;

/// <param name="Next">The <c>rel="next"</c> page from the Link header, when there is one.</param>
internal sealed record ApiResponse(HttpStatusCode Status, string Body, Uri? Next);
