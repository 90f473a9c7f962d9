namespace Smoke.Stack.Engine;

internal sealed record NetworkListItem(string Id, string? Name, string? Driver, Dictionary<string, string>? Labels)
{
    public NetworkSummary ToSummary() => new(Id, Name ?? "", Driver ?? "", Labels ?? []);
}
