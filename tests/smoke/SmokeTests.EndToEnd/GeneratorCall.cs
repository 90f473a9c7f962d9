namespace SmokeTests.EndToEnd;

/// <summary>One request the generator stub received, as GET /calls lists it.</summary>
internal sealed record GeneratorCall(DateTimeOffset ReceivedAt, GeneratorPayload Body);
