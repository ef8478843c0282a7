using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Clip.Core.Numerics;

/// <summary>An n-dimensional array read from a <c>.npy</c> file: element type, shape and raw C-order bytes.</summary>
public sealed class NpyArray
{
    private readonly byte[] _data;

    internal NpyArray(NpyDataType dataType, int[] shape, byte[] data)
    {
        DataType = dataType;
        Shape = shape;
        _data = data;
    }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Number of elements (the product of <see cref="Shape"/>).</summary>
    public long ElementCount => _data.LongLength / NpyHeader.ElementSize(DataType);

    /// <summary>The elements as floats; the array must be <see cref="NpyDataType.Float32"/>.</summary>
    public float[] ToSingleArray()
    {
        Require(NpyDataType.Float32);
        var result = new float[ElementCount];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(_data).CopyTo(result);
            return result;
        }

        for (int i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadSingleLittleEndian(_data.AsSpan(i * sizeof(float)));
        }

        return result;
    }

    /// <summary>The elements as bytes; the array must be <see cref="NpyDataType.UInt8"/>.</summary>
    public byte[] ToByteArray()
    {
        Require(NpyDataType.UInt8);
        return (byte[])_data.Clone();
    }

    /// <summary>The elements as 64-bit integers; the array must be <see cref="NpyDataType.Int64"/>.</summary>
    public long[] ToInt64Array()
    {
        Require(NpyDataType.Int64);
        var result = new long[ElementCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(i * sizeof(long)));
        }

        return result;
    }

    private void Require(NpyDataType expected)
    {
        if (DataType != expected)
        {
            throw new InvalidOperationException($"The array holds {DataType} elements, not {expected}.");
        }
    }
}
