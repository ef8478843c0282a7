using System.Globalization;
using System.Text;
using Npgsql;
using Pgvector;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// Nearest images to a query embedding through the model's HNSW index, keeping only those that pass a
/// <see cref="SearchFilter"/>. With pgvector 0.8 the index scan goes on past filtered-out rows (an iterative scan),
/// so a selective filter still returns up to the number asked.
/// </summary>
public sealed class FilteredSearch
{
    /// <summary>Most results one query may ask for.</summary>
    public const int MaxResults = 1000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _searchCandidates;

    /// <summary>Creates the search; <paramref name="searchCandidates"/> is the HNSW candidate list size.</summary>
    public FilteredSearch(NpgsqlDataSource dataSource, int searchCandidates = 64)
    {
        _dataSource = dataSource;
        _searchCandidates = searchCandidates;
    }

    /// <summary>Up to <paramref name="limit"/> images nearest to <paramref name="query"/> that pass the filter,
    /// nearest first; <paramref name="excludeImageId"/> is left out (the query image itself).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        ModelRecord model,
        ReadOnlyMemory<float> query,
        int limit,
        SearchFilter filter,
        CancellationToken cancellationToken,
        long? excludeImageId = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxResults);
        if (query.Length != model.EmbeddingDim)
        {
            throw new ArgumentException(
                $"The query has {query.Length} values; model {model.Name} produces {model.EmbeddingDim}.",
                nameof(query));
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await VectorSession.ApplyAsync(connection, transaction, Math.Max(_searchCandidates, limit),
            cancellationToken);
        await using var command = new NpgsqlCommand(Sql(model, filter, excludeImageId is not null), connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter<Vector>("query", new Vector(query)));
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("exclude", excludeImageId ?? 0);
        command.Parameters.AddWithValue("label_set", filter.LabelSet ?? string.Empty);
        command.Parameters.AddWithValue("label", filter.Label ?? string.Empty);
        command.Parameters.AddWithValue("min_score", filter.MinLabelScore);
        command.Parameters.AddWithValue("policy", filter.Policy ?? string.Empty);
        command.Parameters.AddWithValue("decision", filter.Decision is { } d ? StorageText.From(d) : string.Empty);

        var hits = new List<SearchHit>(limit);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    // Only the conditions asked for are written into the statement, so the planner sees a plain index scan when
    // there are none; the model id and size are literals to match the model's partial index.
    private static string Sql(ModelRecord model, SearchFilter filter, bool exclude)
    {
        string distance = string.Create(
            CultureInfo.InvariantCulture,
            $"e.embedding::vector({model.EmbeddingDim}) <=> @query::vector({model.EmbeddingDim})");
        var sql = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture,
            $"""
            SELECT e.image_id, i.source_uri, 1 - ({distance}) AS score
            FROM embeddings e JOIN images i ON i.id = e.image_id
            WHERE e.model_id = {model.Id}
            """));
        if (exclude)
        {
            sql.AppendLine().Append("AND e.image_id <> @exclude");
        }

        if (filter.HasLabel)
        {
            sql.AppendLine().Append(string.Create(
                CultureInfo.InvariantCulture,
                $"""
                AND EXISTS (SELECT 1 FROM labels l JOIN label_sets s ON s.id = l.label_set_id
                            WHERE l.image_id = e.image_id AND l.model_id = {model.Id} AND s.name = @label_set
                              AND l.label = @label AND l.score >= @min_score)
                """));
        }

        if (filter.HasModeration)
        {
            sql.AppendLine().Append(string.Create(
                CultureInfo.InvariantCulture,
                $"""
                AND EXISTS (SELECT 1 FROM moderation_scores m JOIN policies p ON p.id = m.policy_id
                            WHERE m.image_id = e.image_id AND m.model_id = {model.Id} AND p.name = @policy
                              AND m.decision = @decision)
                """));
        }

        sql.AppendLine().Append("ORDER BY ").Append(distance).AppendLine().Append("LIMIT @limit");
        return sql.ToString();
    }
}
