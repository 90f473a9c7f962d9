namespace Smoke.Stack.Engine;

internal sealed record EngineEventMessage(string? Type, string? Action, EngineEventActor? Actor, long Time, long TimeNano)
{
    public EngineEvent ToEvent() => new(
        Type ?? "",
        Action ?? "",
        Actor?.ID ?? "",
        Actor?.Attributes ?? new Dictionary<string, string>(),
        TimeNano > 0 ? DateTimeOffset.UnixEpoch.AddTicks(TimeNano / 100) : DateTimeOffset.FromUnixTimeSeconds(Time));
}
