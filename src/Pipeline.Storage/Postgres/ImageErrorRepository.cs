using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Records the images of a job that could not be processed, one record per image and job.</summary>
public sealed class ImageErrorRepository
{
    private const string WriteSql = """
        INSERT INTO image_errors (job_id, source_uri, error_kind, reason)
        SELECT @job, source_uri, error_kind, reason
        FROM unnest(@uris, @kinds, @reasons) AS t(source_uri, error_kind, reason)
        ORDER BY source_uri
        ON CONFLICT (job_id, source_uri)
        DO UPDATE SET error_kind = EXCLUDED.error_kind, reason = EXCLUDED.reason, occurred_at = now()
        """;

    private const string ListSql = """
        SELECT source_uri, error_kind, reason, occurred_at FROM image_errors
        WHERE job_id = @job ORDER BY source_uri LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source.</summary>
    public ImageErrorRepository(NpgsqlDataSource dataSource, ILogger<ImageErrorRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<ImageErrorRepository>.Instance;
    }

    /// <summary>Records errors of one job; recording an image's error again replaces its kind and reason.</summary>
    /// <exception cref="ArgumentException">The errors belong to several jobs, or an image appears twice.</exception>
    public async Task WriteAsync(IReadOnlyList<ImageError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return;
        }

        var jobId = errors[0].JobId;
        if (errors.Any(error => error.JobId != jobId))
        {
            throw new ArgumentException("All errors of one write must belong to the same job.", nameof(errors));
        }

        if (errors.Select(error => error.SourceUri).Distinct(StringComparer.Ordinal).Count() != errors.Count)
        {
            throw new ArgumentException("An image appears twice in one write of errors.", nameof(errors));
        }

        await using var command = _dataSource.CreateCommand(WriteSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.Add(new NpgsqlParameter<string[]>("uris", errors.Select(e => e.SourceUri).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", errors.Select(e => e.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("reasons", errors.Select(e => e.Reason).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        PostgresLog.ImageErrorsWritten(_logger, errors.Count, jobId);
    }

    /// <summary>Lists up to <paramref name="limit"/> errors of a job, by source URI.</summary>
    public async Task<IReadOnlyList<StoredImageError>> ListAsync(
        Guid jobId,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var errors = new List<StoredImageError>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var error = new ImageError(jobId, reader.GetString(0), reader.GetString(1), reader.GetString(2));
            errors.Add(new StoredImageError(error, reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return errors;
    }
}
