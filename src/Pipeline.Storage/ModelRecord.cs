namespace Pipeline.Storage;

/// <summary>A registered model.</summary>
/// <param name="Id">Identifier that embeddings, labels and scores refer to.</param>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version of the exported files.</param>
/// <param name="EmbeddingDim">Size of the model's embeddings.</param>
/// <param name="FileHash">Hash of the model files.</param>
/// <param name="IsActive">Whether queries use this model by default.</param>
/// <param name="RegisteredAt">When the model was registered.</param>
public sealed record ModelRecord(
    int Id,
    string Name,
    string Version,
    int EmbeddingDim,
    string FileHash,
    bool IsActive,
    DateTimeOffset RegisteredAt);
