using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>Writes a failed service's full log and inspect JSON, and returns its last log lines for the console.</summary>
internal static class ServiceDiagnostics
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    public sealed record Written(string LogFile, string InspectFile, IReadOnlyList<string> Tail, string? Problem);

    /// <summary>Never throws for an engine problem: a diagnostics failure must not hide the service's own failure.</summary>
    public static async Task<Written> WriteAsync(
        DockerEngineClient engine,
        string service,
        string containerId,
        string directory,
        int tailLines,
        CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(directory, $"{FileName(service)}.log");
        var inspectFile = Path.Combine(directory, $"{FileName(service)}.inspect.json");
        Directory.CreateDirectory(directory);

        // The wait's own token may be the deadline that just passed; diagnostics get a budget of their own.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var details = await engine.TryInspectContainerAsync(containerId, budget.Token).ConfigureAwait(false);
            if (details is null)
            {
                return new Written(logFile, inspectFile, [], $"container {ShortId(containerId)} no longer exists, so neither its log nor its inspect JSON could be saved");
            }

            var mask = InspectRedaction.MaskFor(details.RawJson);
            await File.WriteAllTextAsync(inspectFile, InspectRedaction.RedactInspect(details.RawJson) + "\n", budget.Token).ConfigureAwait(false);

            var lines = await engine.GetContainerLogsAsync(containerId, new ContainerLogOptions(), budget.Token).ConfigureAwait(false);
            var masked = lines.Select(l => mask.Apply(l.Text)).ToList();
            await File.WriteAllLinesAsync(logFile, masked, budget.Token).ConfigureAwait(false);
            return new Written(logFile, inspectFile, masked.TakeLast(tailLines).ToList(), null);
        }
        catch (Exception ex) when (ex is DockerEngineApiException or DockerEngineUnreachableException or TimeoutException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Written(logFile, inspectFile, [], $"diagnostics for container {ShortId(containerId)} are incomplete: {ex.Message}");
        }
    }

    private static string ShortId(string id) => id[..Math.Min(12, id.Length)];

    private static string FileName(string service) =>
        string.Concat(service.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
}
