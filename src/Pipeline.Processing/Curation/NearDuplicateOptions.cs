namespace Pipeline.Processing.Curation;

/// <summary>How near-duplicates are found. Validated by <see cref="Validate"/>.</summary>
public sealed class NearDuplicateOptions
{
    /// <summary>
    /// Cosine similarity at or above which two images are near-duplicates. Default 0.95: with models/clip-mini every
    /// re-encode and resize and 27 of 30 light (90 %) crops stayed above it while 4 of 1,171 pairs of distinct
    /// pictures did (docs/curation.md). Lower merges more crops and more distinct pictures; higher keeps only
    /// near-identical files. Thresholds belong to a model: measure again when it changes.
    /// </summary>
    public double Threshold { get; set; } = 0.95;

    /// <summary>
    /// Nearest images looked at per image. Default 10. Groups larger than this still form, through the links of
    /// their members (union-find merges transitively).
    /// </summary>
    public int Neighbours { get; set; } = 10;

    /// <summary>Images whose neighbours are fetched per query. Default 256.</summary>
    public int PageSize { get; set; } = 256;

    /// <summary>Throws naming the first wrong setting.</summary>
    public void Validate()
    {
        if (Threshold is <= 0 or > 1 || double.IsNaN(Threshold))
        {
            throw new ArgumentException($"Threshold must be in (0, 1]; it is {Threshold}.");
        }

        if (Neighbours is < 1 or > 999)
        {
            throw new ArgumentException($"Neighbours must be between 1 and 999; it is {Neighbours}.");
        }

        if (PageSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"PageSize must be between 1 and 10000; it is {PageSize}.");
        }
    }
}
