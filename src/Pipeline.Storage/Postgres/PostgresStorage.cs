using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// The PostgreSQL result store: one pooled data source that maps pgvector types, and the repositories over it.
/// Call <see cref="PostgresMigrator.MigrateAsync"/> through <see cref="Migrator"/> once at start.
/// </summary>
public sealed class PostgresStorage : IAsyncDisposable
{
    private PostgresStorage(NpgsqlDataSource dataSource, PostgresStorageOptions options, ILoggerFactory loggers)
    {
        DataSource = dataSource;
        Migrator = new PostgresMigrator(dataSource, loggers.CreateLogger<PostgresMigrator>());
        Models = new ModelRepository(dataSource, loggers.CreateLogger<ModelRepository>());
        Images = new ImageRepository(dataSource);
        Embeddings = new EmbeddingRepository(dataSource, loggers.CreateLogger<EmbeddingRepository>());
        Labels = new LabelRepository(dataSource, loggers.CreateLogger<LabelRepository>());
        Moderation = new ModerationRepository(dataSource, loggers.CreateLogger<ModerationRepository>());
        Definitions = new DefinitionRepository(dataSource);
        Jobs = new JobRepository(dataSource, loggers.CreateLogger<JobRepository>());
        Batches = new BatchRepository(dataSource, loggers.CreateLogger<BatchRepository>());
        ImageErrors = new ImageErrorRepository(dataSource, loggers.CreateLogger<ImageErrorRepository>());
        Search = new EmbeddingSearch(dataSource, options.SearchCandidates);
    }

    /// <summary>The pooled data source, for queries the repositories do not offer.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Applies the schema migrations.</summary>
    public PostgresMigrator Migrator { get; }

    /// <summary>Models and their search indexes.</summary>
    public ModelRepository Models { get; }

    /// <summary>Images by source URI.</summary>
    public ImageRepository Images { get; }

    /// <summary>Embeddings by image and model.</summary>
    public EmbeddingRepository Embeddings { get; }

    /// <summary>Labels by image, model and label set.</summary>
    public LabelRepository Labels { get; }

    /// <summary>Moderation scores by image, model and policy.</summary>
    public ModerationRepository Moderation { get; }

    /// <summary>Label sets and moderation policies.</summary>
    public DefinitionRepository Definitions { get; }

    /// <summary>Jobs and their progress.</summary>
    public JobRepository Jobs { get; }

    /// <summary>Batches of jobs and their completions.</summary>
    public BatchRepository Batches { get; }

    /// <summary>Per-image errors of jobs.</summary>
    public ImageErrorRepository ImageErrors { get; }

    /// <summary>Text-to-image and image-to-image search.</summary>
    public EmbeddingSearch Search { get; }

    /// <summary>Validates the options and creates the store; opens no connection yet.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing or out of range.</exception>
    public static PostgresStorage Create(PostgresStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new PostgresStorageOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(PostgresStorageOptions),
                validation.Failures);
        }

        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        builder.ConnectionStringBuilder.MaxPoolSize = options.MaxPoolSize;
        builder.UseLoggerFactory(loggers);
        builder.UseVector();
        return new PostgresStorage(builder.Build(), options, loggers);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
