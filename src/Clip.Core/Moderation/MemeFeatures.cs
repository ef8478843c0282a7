using System.Numerics.Tensors;
using Clip.Core.Embeddings;
using Clip.Core.Probes;

namespace Clip.Core.Moderation;

/// <summary>
/// The feature vector a meme probe is trained on: concat(image, text, image ⊙ text) of the unit-length image and
/// text embeddings, 3 × D floats. The element-wise product lets a linear model see where image and text agree
/// (their cosine is its sum), which neither embedding shows alone.
/// </summary>
public static class MemeFeatures
{
    /// <summary>The <see cref="FeatureSource.Features"/> of these vectors.</summary>
    public const string FeatureKind = "meme:image,text,image*text";

    /// <summary>Writes concat(<paramref name="image"/>, <paramref name="text"/>, image ⊙ text).</summary>
    public static void Combine(ReadOnlySpan<float> image, ReadOnlySpan<float> text, Span<float> destination)
    {
        int d = image.Length;
        if (text.Length != d || destination.Length != 3 * d)
        {
            throw new ArgumentException(
                $"Need image and text embeddings of one size D and room for 3·D; got {d}, {text.Length} and " +
                $"{destination.Length}.");
        }

        image.CopyTo(destination[..d]);
        text.CopyTo(destination.Slice(d, d));
        TensorPrimitives.Multiply(image, text, destination.Slice(2 * d, d));
    }

    /// <summary>The combined vector of every image row with the text row of the same index.</summary>
    public static EmbeddingBatch Combine(EmbeddingBatch images, EmbeddingBatch texts)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(texts);
        if (images.Count != texts.Count)
        {
            throw new ArgumentException($"{images.Count} image rows but {texts.Count} text rows.", nameof(texts));
        }

        int width = 3 * images.Dimension;
        float[] values = new float[images.Count * width];
        for (int i = 0; i < images.Count; i++)
        {
            Combine(images[i], texts[i], values.AsSpan(i * width, width));
        }

        return new EmbeddingBatch(values, width);
    }

    /// <summary>The source of combined vectors made from embeddings of <paramref name="imageSource"/>'s
    /// model.</summary>
    public static FeatureSource SourceFor(FeatureSource imageSource)
    {
        ArgumentNullException.ThrowIfNull(imageSource);
        return imageSource with { Features = FeatureKind, Dimension = 3 * imageSource.Dimension };
    }
}
