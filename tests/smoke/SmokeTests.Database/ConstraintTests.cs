using Npgsql;

namespace SmokeTests.Database;

public sealed class ConstraintTests(ScratchSchema scratch) : IClassFixture<ScratchSchema>
{
    /// <summary>
    /// The database rejects rows that break a primary key, NOT NULL, CHECK or foreign key constraint,
    /// with the standard SQLSTATE, and keeps none of them. A failure means the data's last line of
    /// defence is down: invalid jobs could be stored.
    /// </summary>
    [SmokeTheory(Level = 3, Critical = true, Category = "database")]
    [InlineData("duplicate primary key", "(1, 'other@example.com', 0, 1)", PostgresErrorCodes.UniqueViolation)]
    [InlineData("missing required value", "(2, NULL, 0, 1)", PostgresErrorCodes.NotNullViolation)]
    [InlineData("failed check", "(2, 'second@example.com', -1, 1)", PostgresErrorCodes.CheckViolation)]
    [InlineData("unknown foreign key", "(2, 'second@example.com', 0, 99)", PostgresErrorCodes.ForeignKeyViolation)]
    public async Task Rows_that_break_a_constraint_are_rejected(string violation, string row, string sqlState)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var owners = scratch.Table("owners");
        var accounts = scratch.Table("accounts");
        await scratch.Database.ExecuteAsync(
            $"""
            CREATE TABLE IF NOT EXISTS {owners} (id int PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS {accounts} (
                id int PRIMARY KEY,
                email text NOT NULL UNIQUE,
                balance int NOT NULL CHECK (balance >= 0),
                owner_id int NOT NULL REFERENCES {owners} (id));
            INSERT INTO {owners} VALUES (1) ON CONFLICT DO NOTHING;
            INSERT INTO {accounts} VALUES (1, 'first@example.com', 0, 1) ON CONFLICT DO NOTHING;
            """,
            timeout.Token);

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => scratch.Database.ExecuteAsync($"INSERT INTO {accounts} VALUES {row}", timeout.Token));

        Assert.True(error.SqlState == sqlState, $"a {violation} was answered with SQLSTATE {error.SqlState} ({error.MessageText}), not {sqlState}.");
        Assert.Equal(1L, await scratch.Database.ScalarAsync<long>($"SELECT count(*) FROM {accounts}", timeout.Token));
    }
}
