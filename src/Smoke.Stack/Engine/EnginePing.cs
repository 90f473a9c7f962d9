namespace Smoke.Stack.Engine;

/// <summary>What <c>/_ping</c> says: the daemon's newest API version and its OS.</summary>
public sealed record EnginePing(string? ApiVersion, string? OSType, string? BuilderVersion);
