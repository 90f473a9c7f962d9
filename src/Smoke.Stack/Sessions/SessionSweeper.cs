using Smoke.Stack.Engine;

namespace Smoke.Stack.Sessions;

/// <summary>
/// Removes what runs left behind, found by the session labels: resources whose owner process is gone (the start
/// of every run), everything Smoke made (Clean), or one run's own (ComposeDown's safety net).
/// </summary>
public sealed class SessionSweeper
{
    private readonly DockerEngineClient _engine;
    private readonly Action<string>? _log;
    private readonly IReadOnlyList<string> _scope;

    public SessionSweeper(DockerEngineClient engine, Action<string>? log = null)
        : this(engine, log, [])
    {
    }

    /// <summary>A sweeper that only sees resources also carrying <paramref name="scope"/> labels (tests share the engine).</summary>
    internal SessionSweeper(DockerEngineClient engine, Action<string>? log, IReadOnlyList<string> scope)
    {
        _engine = engine;
        _log = log;
        _scope = scope;
    }

    /// <summary>
    /// Removes resources made on this host by processes that no longer run (killed with SIGKILL, crashed, power loss).
    /// The stacks of deployment environments (<see cref="StackSession.EnvironmentLabel"/>) are kept.
    /// </summary>
    public Task<SweepReport> SweepOrphansAsync(CancellationToken cancellationToken = default) =>
        SweepAsync([StackSession.SessionLabel], IsOrphan, cancellationToken);

    /// <summary>Removes every container, network and volume carrying a Smoke session label, whoever owns it.</summary>
    public Task<SweepReport> RemoveAllAsync(CancellationToken cancellationToken = default) =>
        SweepAsync([StackSession.SessionLabel], _ => true, cancellationToken);

    /// <summary>Removes one run's resources.</summary>
    public Task<SweepReport> RemoveSessionAsync(string runId, CancellationToken cancellationToken = default) =>
        SweepAsync([$"{StackSession.SessionLabel}={runId}"], _ => true, cancellationToken);

    internal static bool IsOrphan(IReadOnlyDictionary<string, string> labels)
    {
        // A deployed environment's stack is meant to outlive the deploy that made it.
        if (labels.ContainsKey(StackSession.EnvironmentLabel))
        {
            return false;
        }

        if (labels.GetValueOrDefault(StackSession.OwnerHostLabel) != Environment.MachineName
            || !int.TryParse(labels.GetValueOrDefault(StackSession.OwnerPidLabel), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return !OwnerProcess.IsAlive(pid, labels.GetValueOrDefault(StackSession.OwnerStartTimeLabel));
    }

    private async Task<SweepReport> SweepAsync(IReadOnlyList<string> selector, Func<IReadOnlyDictionary<string, string>, bool> shouldRemove, CancellationToken cancellationToken)
    {
        var filter = selector.Concat(_scope).ToList();
        var removed = new List<SweptResource>();
        var failures = new List<string>();

        // Containers first: a network or volume in use cannot go.
        foreach (var container in await _engine.ListContainersAsync(filter, all: true, cancellationToken).ConfigureAwait(false))
        {
            if (shouldRemove(container.Labels))
            {
                await RemoveAsync(SweptResourceKind.Container, container.Name, container.Labels, () => _engine.RemoveContainerAsync(container.Id, true, true, cancellationToken)).ConfigureAwait(false);
            }
        }

        foreach (var network in await _engine.ListNetworksAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            if (shouldRemove(network.Labels))
            {
                await RemoveAsync(SweptResourceKind.Network, network.Name, network.Labels, () => _engine.RemoveNetworkAsync(network.Id, cancellationToken)).ConfigureAwait(false);
            }
        }

        foreach (var volume in await _engine.ListVolumesAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            if (shouldRemove(volume.Labels))
            {
                await RemoveAsync(SweptResourceKind.Volume, volume.Name, volume.Labels, () => _engine.RemoveVolumeAsync(volume.Name, true, cancellationToken)).ConfigureAwait(false);
            }
        }

        var report = new SweepReport(removed, failures);
        if (!report.IsEmpty)
        {
            _log?.Invoke(report.ToString());
        }

        return report;

        async Task RemoveAsync(SweptResourceKind kind, string name, IReadOnlyDictionary<string, string> labels, Func<Task> remove)
        {
            var resource = new SweptResource(
                kind,
                name,
                labels.GetValueOrDefault(StackSession.SessionLabel, "?"),
                $"pid {labels.GetValueOrDefault(StackSession.OwnerPidLabel, "?")} on {labels.GetValueOrDefault(StackSession.OwnerHostLabel, "?")}");
            try
            {
                await remove().ConfigureAwait(false);
                removed.Add(resource);
                _log?.Invoke($"removed {resource}");
            }
            catch (DockerEngineApiException ex)
            {
                failures.Add($"{resource}: {ex.EngineMessage}");
            }
        }
    }
}
