using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smoke.Release;

/// <summary>
/// One environment's state file. Every write goes to a temp file beside it, is flushed to disk and
/// renamed over it, so a reader sees the old file or the new one, never half of one; the previous
/// good file is kept as <c>.bak</c> for repairs.
/// </summary>
internal sealed class ReleaseStateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly string _directory;
    private readonly string _environment;
    private readonly int _historyLimit;
    private readonly TimeProvider _time;

    public ReleaseStateFile(string directory, string environment, int historyLimit, TimeProvider time)
    {
        _directory = directory;
        _environment = environment;
        _historyLimit = historyLimit;
        _time = time;
        FilePath = Path.Combine(directory, environment + ".json");
        BackupPath = FilePath + ".bak";
    }

    public string FilePath { get; }

    public string BackupPath { get; }

    public TimeProvider Time => _time;

    /// <returns>The state, or an empty one when the environment has never been deployed.</returns>
    /// <exception cref="ReleaseStateCorruptException">The file exists and cannot be trusted.</exception>
    public async Task<ReleaseState> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ReleaseState(_environment);
        }

        var (state, problem, newerVersion) = Parse(bytes);
        return state ?? throw Corrupt(problem!, newerVersion);
    }

    /// <returns>The state as written: history bounded, schema version and time of writing set.</returns>
    public async Task<ReleaseState> WriteAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        if (state.Environment != _environment)
        {
            throw new ArgumentException(
                $"a release state for environment \"{state.Environment}\" cannot be written to {FilePath}, which belongs to \"{_environment}\"",
                nameof(state));
        }

        var written = state with
        {
            SchemaVersion = ReleaseState.CurrentSchemaVersion,
            History = state.History.Take(_historyLimit).ToList(),
            UpdatedAt = _time.GetUtcNow(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(written, Json);

        var temp = TempPath(FilePath);
        try
        {
            await WriteDurablyAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            await BackUpCurrentAsync(cancellationToken).ConfigureAwait(false);
            File.Move(temp, FilePath, overwrite: true);
            DirectorySync.TryFlush(_directory);
        }
        finally
        {
            File.Delete(temp);
        }

        return written;
    }

    /// <summary>Removes temp files of writes that never reached their rename. Only safe under the environment's lock.</summary>
    /// <returns>The files removed.</returns>
    public IReadOnlyList<string> RemoveInterruptedWrites()
    {
        var removed = new List<string>();
        foreach (var leftover in Directory.EnumerateFiles(_directory, Path.GetFileName(FilePath) + ".*.tmp"))
        {
            File.Delete(leftover);
            removed.Add(leftover);
        }

        return removed;
    }

    /// <summary>
    /// Keeps the file being replaced as the backup, but only if it is a good one: overwriting a corrupt
    /// file would lose what a person needs to repair it, and would be a silent reset.
    /// </summary>
    private async Task BackUpCurrentAsync(CancellationToken cancellationToken)
    {
        byte[] current;
        try
        {
            current = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        var (state, problem, newerVersion) = Parse(current);
        if (state is null)
        {
            throw Corrupt(problem!, newerVersion);
        }

        var temp = TempPath(BackupPath);
        try
        {
            await WriteDurablyAsync(temp, current, cancellationToken).ConfigureAwait(false);
            File.Move(temp, BackupPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task WriteDurablyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    private static string TempPath(string target) => $"{target}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";

    private (ReleaseState? State, string? Problem, int? NewerVersion) Parse(byte[] bytes)
    {
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, "the file is empty", null);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "it is not a JSON object", null);
            }

            if (!document.RootElement.TryGetProperty("schemaVersion", out var version) || !version.TryGetInt32(out var schemaVersion))
            {
                return (null, "it has no schemaVersion", null);
            }

            if (schemaVersion > ReleaseState.CurrentSchemaVersion)
            {
                return (null, $"it was written by a newer Smoke (schema version {schemaVersion}; this one reads version {ReleaseState.CurrentSchemaVersion})", schemaVersion);
            }

            if (schemaVersion < 1)
            {
                return (null, $"its schemaVersion {schemaVersion} is not one Smoke ever wrote", null);
            }

            var state = document.Deserialize<ReleaseState>(Json);
            return state switch
            {
                null => (null, "it holds null", null),
                _ when state.Environment != _environment => (null, $"it belongs to environment \"{state.Environment}\", not \"{_environment}\"", null),
                _ => (state, null, null),
            };
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" ({exception.Path})";
            return (null, $"it is not valid release state JSON{where}{path}: {FirstSentence(exception.Message)}", null);
        }
    }

    private ReleaseStateCorruptException Corrupt(string problem, int? newerVersion)
    {
        var repairs = new List<string>();
        if (newerVersion is not null)
        {
            repairs.Add("run the newer Smoke that wrote it");
        }

        var backupExists = File.Exists(BackupPath);
        if (backupExists)
        {
            var (backup, backupProblem, _) = Parse(File.ReadAllBytes(BackupPath));
            repairs.Add(backup is null
                ? $"repair it by hand (the backup {BackupPath} cannot be used either: {backupProblem})"
                : $"restore the previous good write with `cp '{BackupPath}' '{FilePath}'` ({DescribeBackup(backup)})");
        }

        repairs.Add($"delete '{FilePath}' to start the environment fresh (its history and last known good release are lost, so a failed deploy cannot roll back until one passes)");

        var message =
            $"release state of environment \"{_environment}\" in {FilePath} cannot be read: {problem}. " +
            $"Nothing was changed, and deploys to \"{_environment}\" stop here until it is repaired: {string.Join("; or ", repairs)}.";
        return new ReleaseStateCorruptException(FilePath, backupExists ? BackupPath : null, message);
    }

    private static string DescribeBackup(ReleaseState backup)
    {
        var written = backup.UpdatedAt is { } at ? $"written {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, " : string.Empty;
        return $"{written}current release {backup.Current?.Release ?? "none"}, last known good {backup.LastKnownGood?.Release ?? "none"}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
