namespace Pipeline.Storage.Postgres.Curation;

/// <summary>A re-embedding job and the size of its snapshot of images to embed.</summary>
/// <param name="JobId">The job, also the snapshot's key.</param>
/// <param name="ModelId">The model the images are embedded with.</param>
/// <param name="ImageCount">Images that lacked an embedding of the model when the run started.</param>
public sealed record ReembedRun(Guid JobId, int ModelId, int ImageCount);
