using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Clip.Core.Numerics;

/// <summary>
/// Reads and writes numpy's <c>.npy</c> format: a magic string, a version, a little-endian header length and an
/// ASCII header that names the element type and shape, then the elements in C (row-major) order.
/// </summary>
public static class NpyFile
{
    // 0x93 followed by "NUMPY"; a u8 string literal would encode 0x93 as two UTF-8 bytes.
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads an array from a file.</summary>
    public static NpyArray Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads an array from a stream positioned at the start of the <c>.npy</c> data.</summary>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> preamble = stackalloc byte[8];
        stream.ReadExactly(preamble);
        if (!preamble[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a .npy file: the magic string is missing.");
        }

        // Version 1 stores the header length in 2 bytes; versions 2 and 3 widened it to 4 bytes.
        byte major = preamble[6];
        int lengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new NotSupportedException($".npy format version {major} is not supported."),
        };
        Span<byte> lengthBytes = stackalloc byte[4];
        stream.ReadExactly(lengthBytes[..lengthSize]);
        int headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes)
            : checked((int)BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes));

        byte[] headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        string header = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        (NpyDataType dataType, int[] shape) = NpyHeader.Parse(header);

        long count = shape.Aggregate(1L, (product, dim) => checked(product * dim));
        byte[] data = new byte[checked(count * NpyHeader.ElementSize(dataType))];
        stream.ReadExactly(data);
        return new NpyArray(dataType, shape, data);
    }

    /// <summary>Writes a float32 array (format version 1.0) to a file, replacing it if present.</summary>
    public static void WriteSingle(string path, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        using FileStream stream = File.Create(path);
        WriteSingle(stream, values, shape);
    }

    /// <summary>Writes a float32 array (format version 1.0) to a stream.</summary>
    public static void WriteSingle(Stream stream, ReadOnlySpan<float> values, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long count = 1;
        foreach (int dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"The shape holds {count} elements but {values.Length} were given.");
        }

        const int PreambleLength = 10;
        byte[] header = Encoding.ASCII.GetBytes(NpyHeader.Format(NpyDataType.Float32, shape, PreambleLength));
        Span<byte> preamble = stackalloc byte[PreambleLength];
        Magic.CopyTo(preamble);
        preamble[6] = 1;
        preamble[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..], checked((ushort)header.Length));
        stream.Write(preamble);
        stream.Write(header);
        WriteLittleEndian(stream, values);
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> element = stackalloc byte[sizeof(float)];
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(element, value);
            stream.Write(element);
        }
    }
}
