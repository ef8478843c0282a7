using System.Runtime.CompilerServices;
using Clip.Core.ZeroShot;
using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Images that fit nothing: those whose best label of a label set has a low cosine (no class describes them), and
/// those whose nearest images are all far (nothing else in the collection looks like them).
/// </summary>
public sealed class OutlierFinder
{
    private const int PageSize = 512;

    private readonly CurationStore _store;

    /// <summary>Creates the finder.</summary>
    public OutlierFinder(CurationStore store) => _store = store;

    /// <summary>
    /// Images whose highest cosine with the classes of <paramref name="classifier"/> is below
    /// <paramref name="threshold"/>, in image order. Every embedding of the model is read once.
    /// </summary>
    public async IAsyncEnumerable<Outlier> FarFromLabelsAsync(
        ModelRecord model,
        ZeroShotClassifier classifier,
        double threshold,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.EmbeddingDimension != model.EmbeddingDim)
        {
            throw new ArgumentException(
                $"The label set was embedded with {classifier.EmbeddingDimension} values; model {model.Name} " +
                $"stores {model.EmbeddingDim}.", nameof(classifier));
        }

        float[] cosines = new float[classifier.LabelSet.Classes.Count];
        await foreach (var page in _store.Embeddings.ListPagesAsync(model, PageSize, cancellationToken)
            .ConfigureAwait(false))
        {
            foreach (StoredEmbedding image in page)
            {
                classifier.ComputeCosines(image.Embedding, cosines);
                int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(cosines);
                if (cosines[best] < threshold)
                {
                    yield return new Outlier(image.ImageId, image.SourceUri, cosines[best],
                        classifier.LabelSet.Classes[best].Name);
                }
            }
        }
    }

    /// <summary>
    /// Images whose mean cosine to their <paramref name="neighbours"/> nearest images is below
    /// <paramref name="threshold"/>, in image order; an image with no other image near it counts as 0.
    /// </summary>
    public async IAsyncEnumerable<Outlier> FarFromNeighboursAsync(
        ModelRecord model,
        int neighbours,
        double threshold,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await _store.Neighbours.ListPageAsync(model, after, PageSize, neighbours, cancellationToken)
                .ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (ImageNeighbours image in page)
            {
                double mean = image.Neighbours.Count == 0 ? 0 : image.Neighbours.Average(n => n.Similarity);
                if (mean < threshold)
                {
                    yield return new Outlier(image.ImageId, image.SourceUri, mean, null);
                }
            }

            after = page[^1].ImageId;
        }
    }
}
