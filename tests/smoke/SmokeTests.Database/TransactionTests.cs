using Npgsql;

namespace SmokeTests.Database;

public sealed class TransactionTests(ScratchSchema scratch) : IClassFixture<ScratchSchema>
{
    /// <summary>
    /// A committed row is invisible to other connections until the commit and visible after it. A
    /// failure means the api could report a job as stored that the worker then cannot find.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "database")]
    public async Task Committed_rows_become_visible_to_other_connections_at_commit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var table = scratch.Table("committed");
        await scratch.Database.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY)", timeout.Token);

        await using var writer = await scratch.Database.OpenAsync(timeout.Token);
        await using var transaction = await writer.BeginTransactionAsync(timeout.Token);
        await using (var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1)", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync(timeout.Token);
        }

        Assert.Equal(0L, await scratch.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}", timeout.Token));
        await transaction.CommitAsync(timeout.Token);
        Assert.Equal(1L, await scratch.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}", timeout.Token));
    }

    /// <summary>
    /// A rolled-back transaction leaves no row behind. A failure means a job that failed half-way could
    /// leave a partial record that the api then serves.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "database")]
    public async Task Rolled_back_rows_leave_no_trace()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var table = scratch.Table("rolled_back");
        await scratch.Database.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY)", timeout.Token);

        await using (var connection = await scratch.Database.OpenAsync(timeout.Token))
        {
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            await using var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1), (2)", connection, transaction);
            await insert.ExecuteNonQueryAsync(timeout.Token);
            await transaction.RollbackAsync(timeout.Token);
        }

        Assert.Equal(0L, await scratch.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}", timeout.Token));
    }

    /// <summary>
    /// Concurrent read-modify-write transactions that lock their row (SELECT … FOR UPDATE) lose no
    /// update. A failure means concurrent api and worker writes can overwrite each other.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "database")]
    public async Task Concurrent_transactions_that_lock_a_row_lose_no_update()
    {
        const int writers = 8;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var table = scratch.Table("counter");
        await scratch.Database.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY, value int NOT NULL); INSERT INTO {table} VALUES (1, 0)", timeout.Token);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            await using var connection = await scratch.Database.OpenAsync(timeout.Token);
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            await using var read = new NpgsqlCommand($"SELECT value FROM {table} WHERE id = 1 FOR UPDATE", connection, transaction);
            var value = (int)(await read.ExecuteScalarAsync(timeout.Token))!;
            await using var write = new NpgsqlCommand($"UPDATE {table} SET value = $1 WHERE id = 1", connection, transaction);
            write.Parameters.Add(new NpgsqlParameter { Value = value + 1 });
            await write.ExecuteNonQueryAsync(timeout.Token);
            await transaction.CommitAsync(timeout.Token);
        }));

        Assert.Equal(writers, await scratch.Database.ScalarAsync<int>($"SELECT value FROM {table} WHERE id = 1", timeout.Token));
    }
}
