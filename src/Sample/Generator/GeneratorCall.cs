using System.Text.Json;

namespace Sample.Generator;

/// <summary>One request the stub received, exactly as sent, for GET /calls.</summary>
internal sealed record GeneratorCall(DateTimeOffset ReceivedAt, JsonElement Body);
