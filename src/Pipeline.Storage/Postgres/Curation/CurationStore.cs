namespace Pipeline.Storage.Postgres.Curation;

/// <summary>The curation queries and tables over one <see cref="PostgresStorage"/>: near-duplicates, filtered
/// search, outlier scans, label corrections, the active model's history and re-embedding runs.</summary>
public sealed class CurationStore
{
    /// <summary>Creates the store over the result store's data source.</summary>
    public CurationStore(PostgresStorage storage, int searchCandidates = 64)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Storage = storage;
        var dataSource = storage.DataSource;
        Neighbours = new NeighbourSearch(dataSource);
        Duplicates = new DuplicateGroupRepository(dataSource);
        Search = new FilteredSearch(dataSource, searchCandidates);
        Embeddings = new EmbeddingScan(dataSource);
        Corrections = new LabelCorrectionRepository(dataSource);
        Activation = new ModelActivation(dataSource);
        Reembeds = new ReembedRunRepository(dataSource);
        Jobs = new JobListing(dataSource);
        Moderation = new ModerationQueue(dataSource);
        Images = new ImageCatalog(dataSource);
    }

    /// <summary>The result store underneath.</summary>
    public PostgresStorage Storage { get; }

    /// <summary>k nearest images of every image.</summary>
    public NeighbourSearch Neighbours { get; }

    /// <summary>Stored near-duplicate groups.</summary>
    public DuplicateGroupRepository Duplicates { get; }

    /// <summary>Nearest images with label and moderation filters.</summary>
    public FilteredSearch Search { get; }

    /// <summary>Every embedding of a model, page by page.</summary>
    public EmbeddingScan Embeddings { get; }

    /// <summary>Label corrections.</summary>
    public LabelCorrectionRepository Corrections { get; }

    /// <summary>Switching the active model, with history and rollback.</summary>
    public ModelActivation Activation { get; }

    /// <summary>Re-embedding runs and their snapshots.</summary>
    public ReembedRunRepository Reembeds { get; }

    /// <summary>Recent jobs.</summary>
    public JobListing Jobs { get; }

    /// <summary>Images flagged by moderation policies.</summary>
    public ModerationQueue Moderation { get; }

    /// <summary>Stored images, label sets and labels.</summary>
    public ImageCatalog Images { get; }
}
