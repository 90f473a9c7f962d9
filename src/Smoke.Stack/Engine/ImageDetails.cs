namespace Smoke.Stack.Engine;

public sealed record ImageDetails(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels, long Size, DateTimeOffset Created);
