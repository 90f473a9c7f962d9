namespace Smoke.Stack.Readiness;

/// <summary>How a finished wait is told: each service that is not ready with its reason, then its last log lines, then the tally.</summary>
public static class ReadinessOutcome
{
    /// <summary>
    /// The lines, each with its weight: an <see cref="ReadinessOutcomeLevel.Error"/> for a critical service that is not
    /// ready, a <see cref="ReadinessOutcomeLevel.Warning"/> for a non-critical one, <see cref="ReadinessOutcomeLevel.Info"/>
    /// for log lines and the tally. Lines go out whole: wrapped at a console's width they could not be searched in a CI log.
    /// </summary>
    public static IEnumerable<(ReadinessOutcomeLevel Level, string Text)> Lines(ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var service in report.Services.Where(s => !s.IsReady))
        {
            yield return (service.IsCritical ? ReadinessOutcomeLevel.Error : ReadinessOutcomeLevel.Warning, service.Reason ?? $"service \"{service.Service}\" is not ready");
            if (service.LogTail.Count > 0)
            {
                yield return (ReadinessOutcomeLevel.Info, $"--- last {service.LogTail.Count} log lines of {service.Service} ---");
                foreach (var line in service.LogTail)
                {
                    yield return (ReadinessOutcomeLevel.Info, $"  {line}");
                }

                yield return (ReadinessOutcomeLevel.Info, $"--- end of {service.Service} log ---");
            }
        }

        if (report.IsReady)
        {
            var warnings = report.Warnings.Count == 0 ? "" : $" ({report.Warnings.Count} non-critical not ready)";
            yield return (ReadinessOutcomeLevel.Info, $"{report.Services.Count(s => s.IsReady)} of {report.Services.Count} services ready in {WaitDuration.Format(report.Elapsed)}{warnings}");
        }
    }
}

/// <summary>The weight of a line of <see cref="ReadinessOutcome"/>.</summary>
public enum ReadinessOutcomeLevel
{
    Info,
    Warning,
    Error,
}
