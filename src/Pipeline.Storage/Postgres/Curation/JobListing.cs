using Npgsql;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>The most recent jobs with their state and counters, newest first.</summary>
public sealed class JobListing
{
    private const string ListSql = $"""
        SELECT {JobSql.Columns} FROM jobs ORDER BY created_at DESC, id LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the listing over a data source.</summary>
    public JobListing(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Up to <paramref name="limit"/> jobs, newest first.</summary>
    public async Task<IReadOnlyList<JobProgress>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("limit", limit);
        var jobs = new List<JobProgress>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(JobSql.Read(reader));
        }

        return jobs;
    }
}
