using Npgsql;

namespace SmokeTests.Database;

/// <summary>The stack's PostgreSQL, at its published port, with the credentials the stack was started with.</summary>
internal sealed class StackDatabase : IAsyncDisposable
{
    public const string Service = "postgres";
    public const int ContainerPort = 5432;

    private readonly NpgsqlDataSource dataSource;

    private StackDatabase(TcpEndpoint endpoint, NpgsqlDataSource dataSource)
    {
        Endpoint = endpoint;
        this.dataSource = dataSource;
    }

    public TcpEndpoint Endpoint { get; }

    /// <param name="maxPoolSize">The most connections this data source keeps open at once.</param>
    public static StackDatabase Connect(int maxPoolSize = 10)
    {
        var endpoint = SmokeEndpoints.Tcp(Service, ContainerPort);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Username = PlatformCredentials.PostgresUser,
            Password = PlatformCredentials.PostgresPassword,
            Database = PlatformCredentials.PostgresDatabase,
            MaxPoolSize = maxPoolSize,
            Timeout = 10,
            CommandTimeout = 30,
            // Shows in pg_stat_activity, so a stuck query can be traced to the run that sent it.
            ApplicationName = $"smoke-tests-{SmokeRun.Id}",
        };
        return new StackDatabase(endpoint, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>An open connection from the pool; a connection failure names the service and endpoint.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new ServiceUnreachableException(Service, Endpoint.ToString(), e);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
