using Npgsql;

namespace Sample.Jobs;

/// <summary>The jobs table (created by the migrate role), through Npgsql.</summary>
internal sealed class JobStore(NpgsqlDataSource database)
{
    private const string Columns =
        "id, status, run_mode, source, prompt, width, height, steps, stages, prompt_source, prompt_pack_id, " +
        "stage_count, has_upscale, outputs, attempts, error, created_at, completed_at";

    public async Task<Job> InsertAsync(Guid id, JobSpec spec, string source, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""
            INSERT INTO jobs (id, status, run_mode, source, prompt, width, height, steps, stages, prompt_source,
                              prompt_pack_id, stage_count, has_upscale)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = spec.Mode == JobSpec.Direct ? Job.Running : Job.Queued });
        command.Parameters.Add(new() { Value = spec.Mode });
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = spec.Prompt });
        command.Parameters.Add(new() { Value = spec.Width });
        command.Parameters.Add(new() { Value = spec.Height });
        command.Parameters.Add(new() { Value = spec.Steps });
        command.Parameters.Add(new() { Value = spec.Stages.ToArray() });
        command.Parameters.Add(new() { Value = spec.PromptSource });
        command.Parameters.Add(new() { Value = (object?)spec.PackId ?? DBNull.Value });
        command.Parameters.Add(new() { Value = spec.Stages.Count });
        command.Parameters.Add(new() { Value = spec.HasUpscale });
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<Job?> CompleteAsync(Guid id, JobSpec spec, IReadOnlyList<string> outputs, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""
            UPDATE jobs SET status = '{Job.Completed}', run_mode = $2, prompt_source = $3, prompt_pack_id = $4,
                            stage_count = $5, has_upscale = $6, outputs = $7, attempts = attempts + 1, error = NULL,
                            completed_at = now()
            WHERE id = $1
            RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = spec.Mode });
        command.Parameters.Add(new() { Value = spec.PromptSource });
        command.Parameters.Add(new() { Value = (object?)spec.PackId ?? DBNull.Value });
        command.Parameters.Add(new() { Value = spec.Stages.Count });
        command.Parameters.Add(new() { Value = spec.HasUpscale });
        command.Parameters.Add(new() { Value = outputs.ToArray() });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Records a failed attempt; <paramref name="final"/> marks the job failed for good.</summary>
    public async Task RecordFailureAsync(Guid id, string error, bool final, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"UPDATE jobs SET attempts = attempts + 1, error = $2, status = CASE WHEN $3 THEN '{Job.Failed}' ELSE status END WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = error });
        command.Parameters.Add(new() { Value = final });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Job?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM jobs WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<JobPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM jobs ORDER BY created_at DESC, id LIMIT $1 OFFSET $2");
        command.Parameters.Add(new() { Value = pageSize });
        command.Parameters.Add(new() { Value = (long)(page - 1) * pageSize });
        var items = await ReadAsync(command, cancellationToken);

        await using var count = database.CreateCommand("SELECT count(*) FROM jobs");
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new JobPage(items, page, pageSize, total);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT status, count(*) FROM jobs GROUP BY status ORDER BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<List<Job>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<Job>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new Job(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetFieldValue<string[]>(8),
                reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetInt32(11),
                reader.GetBoolean(12),
                reader.GetFieldValue<string[]>(13),
                reader.GetInt32(14),
                reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.GetFieldValue<DateTimeOffset>(16),
                reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17)));
        }

        return jobs;
    }
}
