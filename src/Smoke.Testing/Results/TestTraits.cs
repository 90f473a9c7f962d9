namespace Smoke.Testing.Results;

/// <summary>The trait names every smoke test carries (docs/writing-smoke-tests.md, "Traits: Level, Critical, Category").</summary>
public static class TestTraits
{
    public const string Level = "Level";
    public const string Critical = "Critical";
    public const string Category = "Category";
}
