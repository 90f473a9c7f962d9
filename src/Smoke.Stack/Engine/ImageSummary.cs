namespace Smoke.Stack.Engine;

public sealed record ImageSummary(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels, long Size, DateTimeOffset Created);
