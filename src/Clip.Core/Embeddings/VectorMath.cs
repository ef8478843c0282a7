using System.Numerics.Tensors;

namespace Clip.Core.Embeddings;

/// <summary>Vector operations on embeddings, vectorised through <see cref="TensorPrimitives"/>.</summary>
public static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> to unit L2 length in place; an all-zero vector stays zero.</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>The dot product, which for unit-length embeddings is their cosine similarity.</summary>
    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException($"Lengths differ: {left.Length} and {right.Length}.", nameof(right));
        }

        return TensorPrimitives.Dot(left, right);
    }
}
