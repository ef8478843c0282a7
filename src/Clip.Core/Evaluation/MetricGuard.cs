using System.Numerics.Tensors;

namespace Clip.Core.Evaluation;

/// <summary>The input checks every metric shares, so every metric fails the same way on the same mistake.</summary>
internal static class MetricGuard
{
    public static void NotEmpty(int count, string what, string parameterName)
    {
        if (count == 0)
        {
            throw new ArgumentException($"The metric needs at least one {what}; none were given.", parameterName);
        }
    }

    public static void SameLength(int left, int right, string leftName, string rightName)
    {
        if (left != right)
        {
            throw new ArgumentException(
                $"{leftName} holds {left} entries and {rightName} {right}; they must match one to one.",
                rightName);
        }
    }

    /// <summary>NaN has no place in a ranking: it is neither above nor below any score.</summary>
    public static void NoNaN(ReadOnlySpan<float> scores, string parameterName)
    {
        if (TensorPrimitives.IsNaNAny(scores))
        {
            int at = 0;
            while (!float.IsNaN(scores[at]))
            {
                at++;
            }

            throw new ArgumentException($"Score {at} is NaN; every score must be a number.", parameterName);
        }
    }

    public static void InRange(int value, int count, string what, int position, string parameterName)
    {
        if ((uint)value >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                $"Entry {position} names {what} {value}; valid indices are 0 to {count - 1}.");
        }
    }
}
