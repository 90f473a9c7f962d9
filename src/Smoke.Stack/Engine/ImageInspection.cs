namespace Smoke.Stack.Engine;

internal sealed record ImageInspection(string Id, List<string>? RepoTags, long Size, DateTimeOffset Created, ImageInspectionConfig? Config)
{
    public ImageDetails ToDetails() => new(Id, RepoTags ?? [], Config?.Labels ?? [], Size, Created);
}
