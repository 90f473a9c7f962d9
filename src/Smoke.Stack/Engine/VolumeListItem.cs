namespace Smoke.Stack.Engine;

internal sealed record VolumeListItem(string Name, string? Driver, Dictionary<string, string>? Labels)
{
    public VolumeSummary ToSummary() => new(Name, Driver ?? "", Labels ?? []);
}
