using System.Numerics.Tensors;

namespace Clip.Core.ZeroShot;

/// <summary>The arithmetic of zero-shot scores: softmax, top-k, and a two-way probability.</summary>
public static class ZeroShotMath
{
    /// <summary>
    /// Writes softmax(<paramref name="logits"/>) into <paramref name="destination"/> (may be the same span). The
    /// maximum is subtracted first, so logits in the thousands neither overflow nor all round to zero.
    /// </summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> destination)
    {
        if (destination.Length != logits.Length)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length}, logits {logits.Length}.",
                nameof(destination));
        }

        if (logits.IsEmpty)
        {
            return;
        }

        float max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, destination);
        TensorPrimitives.Exp(destination, destination);

        // The largest term is exp(0) = 1, so the sum is at least 1 and the division is safe.
        float sum = TensorPrimitives.Sum(destination);
        TensorPrimitives.Divide(destination, sum, destination);
    }

    /// <summary>
    /// The indices of the <paramref name="k"/> highest scores, highest first; equal scores keep index order, so
    /// the result is the same on every run. Fewer are returned when there are fewer scores.
    /// </summary>
    public static int[] TopK(ReadOnlySpan<float> scores, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        float[] keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b] != keys[a] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order.AsSpan(0, Math.Min(k, order.Length)).ToArray();
    }

    /// <summary>
    /// Softmax over the two logits {label, background}, read for the label:
    /// 1 / (1 + exp(background - label)), computed without overflow either way.
    /// </summary>
    public static float TwoWayProbability(float labelLogit, float backgroundLogit)
    {
        float difference = labelLogit - backgroundLogit;
        return difference >= 0
            ? 1f / (1f + MathF.Exp(-difference))
            : MathF.Exp(difference) / (1f + MathF.Exp(difference));
    }
}
