namespace Smoke.Stack.Validation;

/// <summary>One known <c>io.smoke.*</c> service label, by its full key.</summary>
public sealed record SmokeLabel(string Key, SmokeLabelKind Kind);
