namespace Pipeline.Processing.Curation;

/// <summary>Starts a re-embedding of the stored images that lack an embedding of a model.</summary>
public interface IReembedStarter
{
    /// <summary>Starts one unless one of the model is under way or there is nothing to embed.</summary>
    Task<ReembedStart> StartAsync(string modelName, CancellationToken cancellationToken);
}
