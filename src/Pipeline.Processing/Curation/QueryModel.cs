namespace Pipeline.Processing.Curation;

/// <summary>
/// The orchestrator's text encoder for searches, loaded from the configured model folder on first use (the
/// orchestrator embeds no images, so it loads a model only when a search needs one).
/// </summary>
public sealed class QueryModel : IDisposable
{
    private readonly Lazy<QueryEncoder>? _encoder;

    /// <summary>Creates the holder; without a folder, text search is unavailable.</summary>
    public QueryModel(string? directory)
    {
        if (!string.IsNullOrWhiteSpace(directory))
        {
            _encoder = new Lazy<QueryEncoder>(() => QueryEncoder.Load(directory));
        }
    }

    /// <summary>The encoder, or null when no model folder is configured.</summary>
    public QueryEncoder? Encoder => _encoder?.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder is { IsValueCreated: true })
        {
            _encoder.Value.Dispose();
        }
    }
}
