namespace Smoke.Testing;

/// <summary>Counts in messages read as English: "1 test", "2 tests", "0 services".</summary>
internal static class Nouns
{
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
