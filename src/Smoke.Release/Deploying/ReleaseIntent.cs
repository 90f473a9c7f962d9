namespace Smoke.Release;

/// <summary>What a deploy is about to bring up.</summary>
/// <param name="Images">Service name to image reference, e.g. <c>api</c> → <c>smoke/api:v42</c>.</param>
/// <param name="TriggeredBy">Who asked: the GitHub actor on Actions, the local user otherwise.</param>
public sealed record ReleaseIntent(string Release, IReadOnlyDictionary<string, string> Images, string? GitSha, string TriggeredBy);
