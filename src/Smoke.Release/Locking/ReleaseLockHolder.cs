namespace Smoke.Release;

/// <summary>Who holds an environment's lock: written into the lock file so that a refused deploy can name it.</summary>
/// <param name="Command">What the holder is doing, e.g. <c>Deploy --release v42</c>; never a command line with secrets.</param>
public sealed record ReleaseLockHolder(string Environment, int Pid, string Host, string User, string Command, DateTimeOffset StartedAt)
{
    /// <summary>The holder in words, e.g. <c>pid 4242 on host ci-7 (user alice) running "Deploy --release v42" since 2026-11-21 18:40:00Z</c>.</summary>
    public string Describe() =>
        $"pid {Pid} on host {Host} (user {User}) running \"{Command}\" since {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";

    internal bool IsOnThisHost => string.Equals(Host, System.Environment.MachineName, StringComparison.OrdinalIgnoreCase);
}
