using Smoke.Pipeline;

namespace Smoke.Build.Rehearsal;

/// <summary>What makes the runner's smoke run count: green, on Compose v2, and without making a Debian base (which needs root).</summary>
internal static class RunnerSmokeVerdict
{
    /// <summary>Null when the run counts, else what was wrong with it ("failed with exit code 1", ...).</summary>
    public static string? Of(ToolResult result) =>
        result.ExitCode != 0 ? $"failed with exit code {result.ExitCode}"
        : result.Output.Any(line => line.Contains("debootstrap", StringComparison.Ordinal)) ? "made the Debian base with debootstrap, although a registry answered"
        : !result.Output.Any(line => line.Contains("with docker compose ", StringComparison.Ordinal)) ? "did not bring the stack up with Compose v2 (docker compose)"
        : null;
}
