namespace Smoke.Stack.Readiness;

/// <summary>A probe's progress, read by the service's wait loop while the probe runs in the background.</summary>
internal sealed class ProbeStatus(string description)
{
    private volatile string? _lastError;
    private volatile bool _succeeded;

    public string Description { get; } = description;

    public bool Succeeded => _succeeded;

    public string? LastError => _lastError;

    /// <summary>The pending part of a message: the last thing seen, or that no attempt has finished yet.</summary>
    public string Pending => _lastError ?? $"{Description}: no attempt has finished yet";

    public void MarkSucceeded() => _succeeded = true;

    /// <summary>True when the error differs from the previous one.</summary>
    public bool RecordError(string error)
    {
        var changed = _lastError != error;
        _lastError = error;
        return changed;
    }
}
