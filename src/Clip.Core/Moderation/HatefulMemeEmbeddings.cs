using Clip.Core.Embeddings;
using Clip.Core.Probes;

namespace Clip.Core.Moderation;

/// <summary>The image and text embeddings of the readable memes of a <see cref="HatefulMemesDataset"/>.</summary>
/// <param name="Memes">The memes embedded, in file order.</param>
/// <param name="Images">One unit-length image embedding per meme.</param>
/// <param name="Texts">One unit-length embedding of each meme's printed text.</param>
/// <param name="Failures">Memes whose image could not be read or decoded.</param>
/// <param name="ImageSource">The model the embeddings come from.</param>
public sealed record HatefulMemeEmbeddings(
    IReadOnlyList<HatefulMeme> Memes,
    EmbeddingBatch Images,
    EmbeddingBatch Texts,
    IReadOnlyList<ImageFileFailure> Failures,
    FeatureSource ImageSource)
{
    /// <summary>The probe class of non-hateful memes.</summary>
    public const string NotHatefulClass = "not_hateful";

    /// <summary>The probe class of hateful memes.</summary>
    public const string HatefulClass = "hateful";

    /// <summary>Every meme's label; throws <see cref="InvalidOperationException"/> naming an unlabelled meme.</summary>
    public bool[] Labels() => Memes
        .Select(meme => meme.Hateful ?? throw new InvalidOperationException(
            $"Meme '{meme.Id}' has no label; evaluation and training need a labelled split."))
        .ToArray();

    /// <summary>The memes as labelled <see cref="MemeFeatures"/> vectors for <see
    /// cref="LinearProbeTrainer"/>.</summary>
    public LabeledEmbeddings ToProbeData() => new(
        MemeFeatures.Combine(Images, Texts),
        Labels().Select(hateful => hateful ? 1 : 0).ToArray(),
        [NotHatefulClass, HatefulClass]);

    /// <summary>The feature source of <see cref="ToProbeData"/>.</summary>
    public FeatureSource ProbeSource => MemeFeatures.SourceFor(ImageSource);
}
