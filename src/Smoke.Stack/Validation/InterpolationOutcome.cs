namespace Smoke.Stack.Validation;

/// <summary>
/// The value of one compose scalar after <c>${VAR}</c> substitution, the variables it referenced, those it
/// needed and did not get, and the first syntax error if the text is not valid interpolation.
/// </summary>
internal sealed record InterpolationOutcome(
    string Value,
    IReadOnlyList<string> Variables,
    IReadOnlyList<MissingVariable> Missing,
    string? SyntaxError);
