using System.Diagnostics;
using System.Text.Json;

namespace Smoke.Release;

/// <summary>
/// Release state of every environment, one file each at <c>&lt;root&gt;/.smoke/releases/&lt;environment&gt;.json</c>,
/// with <c>&lt;environment&gt;.lock</c> beside it for the deploy that holds the environment.
/// </summary>
public sealed class ReleaseStateStore
{
    public const int DefaultHistoryLimit = 50;

    private static readonly JsonSerializerOptions HolderJson = new(JsonSerializerDefaults.Web);

    // EWOULDBLOCK on Linux and macOS (the lock is flock), ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows.
    private static readonly int[] LockedResults = [11, 35, unchecked((int)0x80070020), unchecked((int)0x80070021)];

    private readonly int _historyLimit;
    private readonly TimeProvider _time;

    /// <param name="root">The repository root; state lives under its <c>.smoke/releases</c>.</param>
    /// <param name="historyLimit">How many deploys and rollbacks each environment keeps (current and last known good are always kept).</param>
    public ReleaseStateStore(string root, int historyLimit = DefaultHistoryLimit, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        Directory = Path.Combine(Path.GetFullPath(root), ".smoke", "releases");
        _historyLimit = historyLimit;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The folder holding every environment's state and lock files.</summary>
    public string Directory { get; }

    public string StatePath(string environment) => Path.Combine(Directory, EnvironmentName.Validate(environment) + ".json");

    public string LockPath(string environment) => Path.Combine(Directory, EnvironmentName.Validate(environment) + ".lock");

    /// <summary>Reads an environment's state without its lock: a write is a rename, so what is read is always a whole file.</summary>
    /// <returns>The state, or an empty one for an environment never deployed.</returns>
    /// <exception cref="ArgumentException">The environment name is not valid.</exception>
    /// <exception cref="ReleaseStateCorruptException">The file cannot be trusted; the message says how to repair it.</exception>
    public Task<ReleaseState> ReadAsync(string environment, CancellationToken cancellationToken) =>
        StateFile(EnvironmentName.Validate(environment)).ReadAsync(cancellationToken);

    /// <summary>
    /// Takes the environment's lock, or refuses at once when another deploy holds it. A lock left by a
    /// process of this host that is gone is taken over, and <see cref="ReleaseLock.Notices"/> says so.
    /// </summary>
    /// <param name="command">What the holder does, shown to anyone refused, e.g. <c>Deploy --release v42</c>.</param>
    /// <exception cref="ReleaseLockedException">Another process holds the lock; the message names it.</exception>
    public async Task<ReleaseLock> AcquireLockAsync(string environment, string command, CancellationToken cancellationToken)
    {
        EnvironmentName.Validate(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        System.IO.Directory.CreateDirectory(Directory);

        var lockPath = LockPath(environment);
        var holderPath = lockPath + ".json";
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException exception) when (LockedResults.Contains(exception.HResult))
        {
            // The lock file itself cannot be read while it is held, so the holder also leaves its name beside it.
            var holder = await ReadHolderBesideAsync(holderPath, cancellationToken).ConfigureAwait(false);
            var who = holder is null ? "another process (which has not yet written who it is)" : holder.Describe();
            throw new ReleaseLockedException(
                environment,
                lockPath,
                holder,
                $"environment \"{environment}\" is locked by {who}; only one deploy or rollback may change an environment at a time. " +
                    $"Wait for it to finish, or stop it: its lock ({lockPath}) is released when that process ends.",
                exception);
        }

        try
        {
            var notices = new List<string>();
            var stale = StaleHolder(ReadHolder(lockFile), environment, lockPath);
            if (stale is not null)
            {
                notices.Add($"took over the lock of environment \"{environment}\" left by {stale.Describe()}: that process is no longer running");
            }

            var holder = new ReleaseLockHolder(environment, Environment.ProcessId, Environment.MachineName, Environment.UserName, command, _time.GetUtcNow());
            var holderBytes = JsonSerializer.SerializeToUtf8Bytes(holder, HolderJson);
            lockFile.SetLength(0);
            lockFile.Write(holderBytes);
            lockFile.Flush(flushToDisk: true);
            await WriteHolderBesideAsync(holderPath, holderBytes, cancellationToken).ConfigureAwait(false);

            foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, Path.GetFileName(holderPath) + ".*.tmp"))
            {
                File.Delete(leftover);
            }

            var state = StateFile(environment);
            notices.AddRange(state.RemoveInterruptedWrites().Select(leftover =>
                $"removed {leftover}, an unfinished write of a process that stopped before completing it; the state file itself was never touched"));

            return new ReleaseLock(lockFile, holderPath, state, holder, stale, notices);
        }
        catch
        {
            await lockFile.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private ReleaseStateFile StateFile(string environment) => new(Directory, environment, _historyLimit, _time);

    /// <summary>
    /// A lock file with a holder in it but no OS lock on it was left by a process that died. Only a holder
    /// of this host whose pid is gone is proven dead; anything else is refused, since some file systems
    /// ignore the OS lock and the holder's name is then the only guard left.
    /// </summary>
    private static ReleaseLockHolder? StaleHolder(ReleaseLockHolder? previous, string environment, string lockPath)
    {
        if (previous is null)
        {
            return null;
        }

        if (!previous.IsOnThisHost)
        {
            throw new ReleaseLockedException(
                environment,
                lockPath,
                previous,
                $"environment \"{environment}\" is locked by {previous.Describe()}, and this host cannot see whether that process still runs. " +
                    $"If no deploy to \"{environment}\" is running on {previous.Host}, delete {lockPath} and try again.");
        }

        if (IsRunning(previous.Pid))
        {
            throw new ReleaseLockedException(
                environment,
                lockPath,
                previous,
                $"environment \"{environment}\" is locked by {previous.Describe()}, which is still running. " +
                    $"Wait for it to finish, or stop it; if pid {previous.Pid} is not a Smoke deploy (the pid was reused), delete {lockPath} and try again.");
        }

        return previous;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Reads what a previous holder left in the lock file; unreadable leftovers (a crash mid-write) name nobody.</summary>
    private static ReleaseLockHolder? ReadHolder(FileStream lockFile)
    {
        if (lockFile.Length == 0)
        {
            return null;
        }

        var bytes = new byte[lockFile.Length];
        lockFile.Position = 0;
        lockFile.ReadExactly(bytes);
        return ParseHolder(bytes);
    }

    private static async Task<ReleaseLockHolder?> ReadHolderBesideAsync(string holderPath, CancellationToken cancellationToken)
    {
        // The holder writes its name just after taking the lock; give it a moment before saying "unknown".
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (ParseHolder(await File.ReadAllBytesAsync(holderPath, cancellationToken).ConfigureAwait(false)) is { } holder)
                {
                    return holder;
                }
            }
            catch (IOException)
            {
                // Not written yet, or just removed by a holder that is releasing: look again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task WriteHolderBesideAsync(string holderPath, byte[] holderBytes, CancellationToken cancellationToken)
    {
        var temp = $"{holderPath}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, holderBytes, cancellationToken).ConfigureAwait(false);
        File.Move(temp, holderPath, overwrite: true);
    }

    private static ReleaseLockHolder? ParseHolder(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<ReleaseLockHolder>(bytes, HolderJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
