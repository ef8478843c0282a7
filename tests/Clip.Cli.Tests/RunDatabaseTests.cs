using Clip.Core.Tests;
using Npgsql;

namespace Clip.Cli.Tests;

public sealed class RunDatabaseTests
{
    [Fact]
    public async Task Run_DatabaseAndOneTruncatedFile_StoresTheRestTheJobAndTheErrorRecord()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();
        string samples = Path.Combine(SharedData.RepositoryRoot, "samples");

        var result = await ClipProcess.RunAsync(null, "run", "--source", Path.Combine(samples, "images"),
            "--labels", Path.Combine(samples, "labels.txt"), "--model", ClipProcess.TinyModel,
            "--db", database.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("9 images: 8 embedded, 8 labelled, 1 failed", result.Output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(8L, await CountAsync(connection, "SELECT count(*) FROM embeddings"));
        Assert.Equal(1L, await CountAsync(connection,
            "SELECT count(*) FROM jobs WHERE state = 'completed' AND images_done = 8 AND images_failed = 1"));
        Assert.Equal(1L, await CountAsync(connection,
            "SELECT count(*) FROM image_errors " +
            "WHERE error_kind = 'truncated' AND source_uri LIKE '%truncated-rocket.jpg'"));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
