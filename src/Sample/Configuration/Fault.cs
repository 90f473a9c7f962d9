using System.Globalization;

namespace Sample.Configuration;

/// <summary>The parsed SAMPLE_FAULT: what is broken in this release, and for slow-start how long it takes.</summary>
internal sealed record Fault(FaultKind Kind, TimeSpan StartupDelay)
{
    public static readonly Fault None = new(FaultKind.None, TimeSpan.Zero);

    public static Fault Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return None;
        }

        if (text.StartsWith("slow-start=", StringComparison.Ordinal))
        {
            var seconds = text["slow-start=".Length..];
            if (int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var delay) && delay > 0)
            {
                return new Fault(FaultKind.SlowStart, TimeSpan.FromSeconds(delay));
            }

            throw new InvalidOperationException($"SAMPLE_FAULT=\"{text}\" has no valid delay; write slow-start=<seconds>, e.g. slow-start=30");
        }

        return text switch
        {
            "ready-never" => new Fault(FaultKind.ReadyNever, TimeSpan.Zero),
            "crash-on-start" => new Fault(FaultKind.CrashOnStart, TimeSpan.Zero),
            "http-500" => new Fault(FaultKind.Http500, TimeSpan.Zero),
            "break-queue" => new Fault(FaultKind.BreakQueue, TimeSpan.Zero),
            _ => throw new InvalidOperationException(
                $"SAMPLE_FAULT=\"{text}\" is not a known fault; use one of ready-never, crash-on-start, slow-start=<seconds>, http-500, break-queue, or leave it empty"),
        };
    }

    public override string ToString() => Kind switch
    {
        FaultKind.None => "none",
        FaultKind.SlowStart => $"slow-start={StartupDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)}",
        FaultKind.ReadyNever => "ready-never",
        FaultKind.CrashOnStart => "crash-on-start",
        FaultKind.Http500 => "http-500",
        _ => "break-queue",
    };
}
