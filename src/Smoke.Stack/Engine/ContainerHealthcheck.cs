namespace Smoke.Stack.Engine;

/// <summary>A HEALTHCHECK for a created container, e.g. <c>["CMD-SHELL", "pg_isready"]</c>.</summary>
public sealed record ContainerHealthcheck(IReadOnlyList<string> Test)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Retries { get; init; } = 30;

    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;
}
