namespace SmokeTests.Services;

/// <summary>The ASP.NET Core health-check JSON the services answer on /healthz/*.</summary>
internal sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthEntry> Entries);
