using System.Runtime.CompilerServices;
using Npgsql;
using Pgvector;

namespace Pipeline.Storage.Postgres.Curation;

/// <summary>Every embedding of a model, page by page in image order (keyset pagination, no offset).</summary>
public sealed class EmbeddingScan
{
    private const string PageSql = """
        SELECT e.image_id, i.source_uri, e.embedding
        FROM embeddings e JOIN images i ON i.id = e.image_id
        WHERE e.model_id = @model AND e.image_id > @after
        ORDER BY e.image_id
        LIMIT @page
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the scan over a data source that maps pgvector types.</summary>
    public EmbeddingScan(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The model's embeddings, <paramref name="pageSize"/> per page, holding one page at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredEmbedding>> ListPagesAsync(
        ModelRecord model,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        long after = 0;
        while (true)
        {
            var page = new List<StoredEmbedding>(pageSize);
            await using (var command = _dataSource.CreateCommand(PageSql))
            {
                command.Parameters.AddWithValue("model", model.Id);
                command.Parameters.AddWithValue("after", after);
                command.Parameters.AddWithValue("page", pageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new StoredEmbedding(
                        reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<Vector>(2).ToArray()));
                }
            }

            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].ImageId;
            yield return page;
        }
    }
}
