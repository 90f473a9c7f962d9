namespace Smoke.Stack.Engine;

internal sealed record VolumeList(List<VolumeListItem>? Volumes);
