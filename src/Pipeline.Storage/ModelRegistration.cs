namespace Pipeline.Storage;

/// <summary>What identifies a model when it is registered: name, version, embedding size and file hash.</summary>
/// <param name="Name">Model name, for example <c>clip-vit-b-32</c>.</param>
/// <param name="Version">Version of the exported files; a name and version pair is registered once.</param>
/// <param name="EmbeddingDim">Size of the embeddings the model produces (1 to 2000).</param>
/// <param name="FileHash">Hash of the model files, to detect a changed model under an unchanged version.</param>
public sealed record ModelRegistration(string Name, string Version, int EmbeddingDim, string FileHash);
