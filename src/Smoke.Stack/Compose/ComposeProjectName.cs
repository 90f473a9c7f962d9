namespace Smoke.Stack.Compose;

/// <summary>Project names both compose versions accept: lowercase <c>[a-z0-9_-]</c>, starting with a letter or digit.</summary>
public static class ComposeProjectName
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var kept = new string(name.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_').ToArray()).TrimStart('-', '_');
        return kept.Length > 0
            ? kept
            : throw new ArgumentException($"compose project name \"{name}\" has no letters or digits; use something like \"smoke-local\"", nameof(name));
    }

    /// <summary>A name of its own for a run: <c>smoke-&lt;run id&gt;</c>.</summary>
    public static string ForRun(string runId) => Normalize($"smoke-{runId}");
}
