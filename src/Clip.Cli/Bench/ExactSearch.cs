using System.Numerics.Tensors;

namespace Clip.Cli.Bench;

/// <summary>The true nearest neighbours by brute force: the answer an approximate index is scored against.</summary>
internal static class ExactSearch
{
    /// <summary>The indexes of the <paramref name="k"/> vectors with the largest dot product with the query.</summary>
    public static int[] TopK(IReadOnlyList<float[]> vectors, float[] query, int k)
    {
        var best = new PriorityQueue<int, float>(k + 1);
        for (int i = 0; i < vectors.Count; i++)
        {
            float score = TensorPrimitives.Dot(vectors[i], query);
            if (best.Count < k)
            {
                best.Enqueue(i, score);
            }
            else if (best.TryPeek(out _, out float lowest) && score > lowest)
            {
                best.EnqueueDequeue(i, score);
            }
        }

        return best.UnorderedItems.Select(item => item.Element).ToArray();
    }
}
