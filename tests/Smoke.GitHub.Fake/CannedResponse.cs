namespace Smoke.GitHub.Fake;

/// <summary>A response the fake server gives once, before its normal routing, e.g. a rate limit.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers);
