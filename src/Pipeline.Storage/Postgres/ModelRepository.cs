using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>Registers models, creates their search indexes and tracks which one is active.</summary>
public sealed class ModelRepository
{
    private const string Columns = "id, name, version, embedding_dim, file_hash, is_active, registered_at";

    // Second key of the two-key advisory locks that serialise schema changes made for a model.
    internal const int ModelLockClass = 0x6D6F64;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the repository over a data source that maps pgvector types.</summary>
    public ModelRepository(NpgsqlDataSource dataSource, ILogger<ModelRepository>? logger = null)
    {
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<ModelRepository>.Instance;
    }

    /// <summary>
    /// Registers a model and creates its search index; registering the same name, version, size and hash again
    /// returns the existing record.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name and version exist with another size or hash.
    /// </exception>
    public async Task<ModelRecord> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        Validate(registration);

        var model = await InsertAsync(registration, cancellationToken);
        if (model is not null)
        {
            PostgresLog.ModelRegistered(_logger, model.Id, model.Name, model.Version, model.EmbeddingDim);
        }
        else
        {
            model = await FindAsync(registration.Name, registration.Version, cancellationToken)
                ?? throw new InvalidOperationException($"Model {registration.Name} {registration.Version} vanished.");
            EnsureSameModel(model, registration);
        }

        await EnsureSearchIndexAsync(model, cancellationToken);
        return model;
    }

    /// <summary>
    /// Creates the model's HNSW index over its embeddings if it does not exist. Loading many embeddings is much
    /// faster into an unindexed model, so a bulk load may drop the index first and call this afterwards.
    /// </summary>
    // Limitation: the index is built without CONCURRENTLY, so writes of embeddings wait while it is built.
    public async Task EnsureSearchIndexAsync(ModelRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stopwatch = Stopwatch.StartNew();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@class, @model)", cancellationToken, model.Id);

        await using (var create = new NpgsqlCommand(VectorSql.CreateIndex(model), connection))
        {
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        PostgresLog.SearchIndexReady(_logger, model.Id, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>Drops the model's search index, before a bulk load; <see cref="EnsureSearchIndexAsync"/> restores
    /// it.</summary>
    public async Task DropSearchIndexAsync(ModelRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var command = _dataSource.CreateCommand($"DROP INDEX IF EXISTS {VectorSql.IndexName(model.Id)}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Finds a model by identifier, or returns null.</summary>
    public Task<ModelRecord?> GetAsync(int modelId, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {Columns} FROM models WHERE id = @id", [new("id", modelId)], cancellationToken);

    /// <summary>Finds a model by name and version, or returns null.</summary>
    public Task<ModelRecord?> FindAsync(string name, string version, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Columns} FROM models WHERE name = @name AND version = @version",
            [new("name", name), new("version", version)],
            cancellationToken);

    /// <summary>Returns the most recently registered model of that name, or null.</summary>
    public Task<ModelRecord?> FindLatestAsync(string name, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Columns} FROM models WHERE name = @name ORDER BY registered_at DESC, id DESC LIMIT 1",
            [new("name", name)],
            cancellationToken);

    /// <summary>Returns the active model, or null when none is active.</summary>
    public Task<ModelRecord?> GetActiveAsync(CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {Columns} FROM models WHERE is_active", [], cancellationToken);

    /// <summary>Makes a model the active one, and the previously active one inactive.</summary>
    /// <exception cref="InvalidOperationException">No model has that identifier.</exception>
    public async Task ActivateAsync(int modelId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The lock orders concurrent activations; the unique index would otherwise fail one of them.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@class, 0)", cancellationToken);
        await ExecuteAsync(connection, "UPDATE models SET is_active = false WHERE is_active", cancellationToken);
        var activated = await ExecuteAsync(
            connection,
            "UPDATE models SET is_active = true WHERE id = @model",
            cancellationToken,
            modelId);
        if (activated != 1)
        {
            throw new InvalidOperationException($"No model has id {modelId}.");
        }

        await transaction.CommitAsync(cancellationToken);
        PostgresLog.ModelActivated(_logger, modelId);
    }

    private async Task<ModelRecord?> InsertAsync(ModelRegistration registration, CancellationToken token) =>
        await QuerySingleAsync(
            $"""
            INSERT INTO models (name, version, embedding_dim, file_hash)
            VALUES (@name, @version, @dim, @hash)
            ON CONFLICT (name, version) DO NOTHING
            RETURNING {Columns}
            """,
            [
                new("name", registration.Name),
                new("version", registration.Version),
                new("dim", registration.EmbeddingDim),
                new("hash", registration.FileHash),
            ],
            token);

    private async Task<ModelRecord?> QuerySingleAsync(
        string sql,
        NpgsqlParameter[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ModelRecord(
            reader.GetInt32(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetInt32(3),
            reader.GetString(4),
            reader.GetBoolean(5),
            reader.GetFieldValue<DateTimeOffset>(6));
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken cancellationToken,
        int modelId = 0)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", ModelLockClass);
        command.Parameters.AddWithValue("model", modelId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Validate(ModelRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name, nameof(registration));
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Version, nameof(registration));
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.FileHash, nameof(registration));
        if (registration.EmbeddingDim is < 1 or > 2000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(registration),
                $"EmbeddingDim must be between 1 and 2000 (the HNSW index limit); it is {registration.EmbeddingDim}.");
        }
    }

    private static void EnsureSameModel(ModelRecord existing, ModelRegistration registration)
    {
        if (existing.EmbeddingDim != registration.EmbeddingDim || existing.FileHash != registration.FileHash)
        {
            throw new InvalidOperationException(
                $"Model {registration.Name} {registration.Version} is already registered with embedding size "
                + $"{existing.EmbeddingDim} and file hash {existing.FileHash}; "
                + "register changed files as a new version.");
        }
    }
}
