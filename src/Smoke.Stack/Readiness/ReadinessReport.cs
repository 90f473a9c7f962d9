namespace Smoke.Stack.Readiness;

/// <summary>The outcome of a wait: every service's result, and where the ready ones can be reached.</summary>
public sealed record ReadinessReport(IReadOnlyList<ServiceReadiness> Services, StackEndpoints Endpoints, TimeSpan Elapsed)
{
    /// <summary>True when every critical service is ready; non-critical ones may have failed (see <see cref="Warnings"/>).</summary>
    public bool IsReady => Failures.Count == 0;

    public IReadOnlyList<ServiceReadiness> Failures => Services.Where(s => !s.IsReady && s.IsCritical).ToList();

    public IReadOnlyList<ServiceReadiness> Warnings => Services.Where(s => s.IsWarning).ToList();

    public ServiceReadiness this[string service] =>
        Services.FirstOrDefault(s => s.Service == service)
        ?? throw new KeyNotFoundException($"the readiness report has no service \"{service}\"; it has {string.Join(", ", Services.Select(s => $"\"{s.Service}\""))}");

    /// <summary>Throws <see cref="StackNotReadyException"/> naming every failed critical service and why.</summary>
    public void EnsureReady()
    {
        if (!IsReady)
        {
            throw new StackNotReadyException(this);
        }
    }
}
