namespace Clip.Core.Probes;

/// <summary>The embedded images of a <see cref="ClassFolderDataset"/>.</summary>
/// <param name="Data">The readable images' embeddings and classes, ready for <see cref="LinearProbeTrainer"/>.</param>
/// <param name="Paths">The file of each row of <paramref name="Data"/>.</param>
/// <param name="Failures">The files that could not be read or decoded.</param>
public sealed record ClassFolderEmbeddings(
    LabeledEmbeddings Data,
    IReadOnlyList<string> Paths,
    IReadOnlyList<ImageFileFailure> Failures);
