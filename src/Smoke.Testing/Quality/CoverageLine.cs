namespace Smoke.Testing.Quality;

/// <summary>One coverable source line and how often it ran; branch lines also say how many of their conditions were taken.</summary>
public sealed record CoverageLine(int Number, long Hits)
{
    public int ConditionsCovered { get; init; }

    public int ConditionsTotal { get; init; }

    public bool IsCovered => Hits > 0;

    public bool IsBranch => ConditionsTotal > 0;
}
