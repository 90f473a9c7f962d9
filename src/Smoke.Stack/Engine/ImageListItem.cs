namespace Smoke.Stack.Engine;

internal sealed record ImageListItem(string Id, List<string>? RepoTags, Dictionary<string, string>? Labels, long Size, long Created)
{
    public ImageSummary ToSummary() => new(
        Id,
        (RepoTags ?? []).Where(t => t != "<none>:<none>").ToList(),
        Labels ?? [],
        Size,
        DateTimeOffset.FromUnixTimeSeconds(Created));
}
