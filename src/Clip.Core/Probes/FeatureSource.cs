using Clip.Core.Models;

namespace Clip.Core.Probes;

/// <summary>
/// Where a probe's input vectors come from: which model (by content, not folder name), which kind of feature, and
/// how long the vectors are. A probe applies only to vectors from an equal source.
/// </summary>
/// <param name="ModelName">The model folder's name, for messages.</param>
/// <param name="ModelContentHash">The model's <see cref="ClipModelInfo.ContentHash"/>.</param>
/// <param name="Features">What the vector is, such as <see cref="ImageFeatures"/>.</param>
/// <param name="Dimension">Floats per vector.</param>
public sealed record FeatureSource(string ModelName, string ModelContentHash, string Features, int Dimension)
{
    /// <summary>The <see cref="Features"/> of plain image embeddings.</summary>
    public const string ImageFeatures = "image";

    /// <summary>Image embeddings of <paramref name="model"/>.</summary>
    public static FeatureSource ImageEmbeddings(ClipModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new FeatureSource(model.Name, model.Info.ContentHash, ImageFeatures, model.EmbeddingDimension);
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> naming both sides when <paramref name="actual"/> differs in
    /// model content, feature kind or length. The model name alone may differ: a renamed folder is the same model.
    /// </summary>
    public void EnsureMatches(FeatureSource actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (actual.ModelContentHash == ModelContentHash && actual.Features == Features && actual.Dimension == Dimension)
        {
            return;
        }

        throw new InvalidOperationException(
            $"The probe was trained on {Describe()}, but is given {actual.Describe()}. " +
            "A probe only applies to features of the model and kind it was trained on; train one for this model.");
    }

    private string Describe() =>
        $"'{Features}' features of {Dimension} floats from model '{ModelName}' (content hash {ShortHash()})";

    private string ShortHash() => ModelContentHash.Length > 12 ? ModelContentHash[..12] + "…" : ModelContentHash;
}
