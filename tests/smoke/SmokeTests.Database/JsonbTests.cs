using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace SmokeTests.Database;

public sealed class JsonbTests(ScratchSchema scratch) : IClassFixture<ScratchSchema>
{
    /// <summary>
    /// A JSONB document (nested objects, arrays, numbers, non-ASCII text) comes back equal to what was
    /// stored, and the server can query inside it. A failure means JSON stored by the platform is
    /// altered on the way: a driver, encoding or server configuration problem.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "database")]
    public async Task Jsonb_documents_round_trip_unchanged_and_can_be_queried()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var table = scratch.Table("documents");
        var document = JsonNode.Parse("""
            {"prompt": "a lighthouse at dusk — 灯台", "size": {"width": 512, "height": 768}, "stages": ["txt2img", "upscale"], "seed": 4294967296, "scale": 7.5, "draft": false, "pack": null}
            """)!;
        await scratch.Database.ExecuteAsync($"CREATE TABLE {table} (id int PRIMARY KEY, body jsonb NOT NULL)", timeout.Token);

        await using var connection = await scratch.Database.OpenAsync(timeout.Token);
        await using (var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1, $1)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = document.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync(timeout.Token);
        }

        await using var select = new NpgsqlCommand(
            $"SELECT body::text, body -> 'size' ->> 'width', body @> '{{\"stages\": [\"upscale\"]}}' FROM {table} WHERE id = 1", connection);
        await using var reader = await select.ExecuteReaderAsync(timeout.Token);
        Assert.True(await reader.ReadAsync(timeout.Token));

        var stored = JsonNode.Parse(reader.GetString(0));
        Assert.True(JsonNode.DeepEquals(document, stored), $"stored {document.ToJsonString()} but read back {stored?.ToJsonString()}");
        Assert.Equal("512", reader.GetString(1));
        Assert.True(reader.GetBoolean(2), "the containment query @> did not find the \"upscale\" stage");
    }
}
