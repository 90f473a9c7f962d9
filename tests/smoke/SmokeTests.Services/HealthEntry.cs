using System.Text.Json;

namespace SmokeTests.Services;

/// <summary>One check in a <see cref="HealthReport"/>: its status, why, and what it measured.</summary>
internal sealed record HealthEntry(string Status, string? Description, IReadOnlyDictionary<string, JsonElement>? Data);
