namespace Smoke.Stack.Validation;

/// <summary>
/// A variable an interpolation needed and did not get. <paramref name="Token"/> is the text that starts the
/// reference (<c>${NAME</c> or <c>$NAME</c>), used to point at it. <paramref name="IsRequired"/> is set for
/// <c>${NAME:?message}</c> and <c>${NAME?message}</c>, whose <paramref name="AuthorMessage"/> may be empty.
/// </summary>
internal sealed record MissingVariable(string Name, string Token, bool IsRequired, string? AuthorMessage, bool IsSetButEmpty);
