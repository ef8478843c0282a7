using Clip.Core.Embeddings;

namespace Clip.Core.Probes;

/// <summary>
/// Feature vectors with one class label each: what a <see cref="LinearProbe"/> is trained and tested on.
/// </summary>
public sealed class LabeledEmbeddings
{
    /// <summary>
    /// Pairs row i of <paramref name="features"/> with class <paramref name="labels"/>[i], an index into
    /// <paramref name="classes"/>. Throws <see cref="ArgumentException"/> when the counts differ, a label is out of
    /// range, or class names are empty or repeated.
    /// </summary>
    public LabeledEmbeddings(EmbeddingBatch features, IReadOnlyList<int> labels, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (labels.Count != features.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows but {labels.Count} labels.", nameof(labels));
        }

        if (classes.Any(string.IsNullOrWhiteSpace) || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            throw new ArgumentException("Class names must be non-empty and distinct.", nameof(classes));
        }

        int bad = labels.ToList().FindIndex(label => (uint)label >= (uint)classes.Count);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"Label {bad} is {labels[bad]}; there are {classes.Count} classes.",
                nameof(labels));
        }

        Features = features;
        Labels = labels.ToArray();
        Classes = classes.ToArray();
    }

    /// <summary>One row per sample.</summary>
    public EmbeddingBatch Features { get; }

    /// <summary>The class index of each row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The class names; labels index this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Features.Count;

    /// <summary>Floats per feature row.</summary>
    public int Dimension => Features.Dimension;
}
