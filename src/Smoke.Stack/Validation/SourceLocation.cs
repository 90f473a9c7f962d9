namespace Smoke.Stack.Validation;

/// <summary>Where a problem is: a file, and within it a 1-based line and column when known.</summary>
internal readonly record struct SourceLocation(string? File, int? Line = null, int? Column = null)
{
    public static SourceLocation Nowhere { get; } = new(null);
}
