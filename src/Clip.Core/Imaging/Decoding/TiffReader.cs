using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Bounds-checked reads from a TIFF structure (a TIFF file, or the TIFF block inside EXIF data) in its declared byte
/// order. Every read that would leave the data returns false instead of throwing.
/// </summary>
internal readonly ref struct TiffReader
{
    private const int EntryLength = 12;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _littleEndian;

    private TiffReader(ReadOnlySpan<byte> data, bool littleEndian)
    {
        _data = data;
        _littleEndian = littleEndian;
    }

    /// <summary>Recognises the "II*\0" or "MM\0*" header and returns the offset of the first directory.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> data, out TiffReader reader, out uint firstDirectory)
    {
        reader = default;
        firstDirectory = 0;
        bool little = data is [(byte)'I', (byte)'I', 42, 0, ..];
        bool big = data is [(byte)'M', (byte)'M', 0, 42, ..];
        if (data.Length < 8 || !(little || big))
        {
            return false;
        }

        reader = new TiffReader(data, little);
        return reader.TryReadUInt32(4, out firstDirectory);
    }

    /// <summary>The entry count of the directory at <paramref name="offset"/>, if all its entries lie inside.</summary>
    public bool TryReadDirectory(uint offset, out int entryCount)
    {
        entryCount = 0;
        if (!TryReadUInt16(offset, out ushort count) || offset + 2 + ((long)count * EntryLength) > _data.Length)
        {
            return false;
        }

        entryCount = count;
        return true;
    }

    /// <summary>Tag, type and count of entry <paramref name="index"/> of the directory at an offset.</summary>
    public (ushort Tag, ushort Type, uint Count) Entry(uint directory, int index)
    {
        uint at = EntryOffset(directory, index);
        TryReadUInt16(at, out ushort tag);
        TryReadUInt16(at + 2, out ushort type);
        TryReadUInt32(at + 4, out uint count);
        return (tag, type, count);
    }

    /// <summary>Value <paramref name="i"/> of a SHORT or LONG entry, inline or at its offset.</summary>
    public bool TryReadValue(uint directory, int index, uint i, out uint value)
    {
        value = 0;
        (_, ushort type, uint count) = Entry(directory, index);
        if (i >= count || type is not (TypeShort or TypeLong))
        {
            return false;
        }

        uint size = type == TypeShort ? 2u : 4u;
        uint at = EntryOffset(directory, index) + 8;
        if ((long)count * size > 4 && !TryReadUInt32(at, out at))
        {
            return false;
        }

        long position = at + ((long)i * size);
        if (position > uint.MaxValue)
        {
            return false;
        }

        if (type == TypeShort)
        {
            bool ok = TryReadUInt16((uint)position, out ushort shortValue);
            value = shortValue;
            return ok;
        }

        return TryReadUInt32((uint)position, out value);
    }

    public bool TryReadUInt16(uint offset, out ushort value)
    {
        value = 0;
        if (offset > _data.Length - 2L)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = _data.Slice((int)offset, 2);
        value = _littleEndian
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes)
            : BinaryPrimitives.ReadUInt16BigEndian(bytes);
        return true;
    }

    public bool TryReadUInt32(uint offset, out uint value)
    {
        value = 0;
        if (offset > _data.Length - 4L)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = _data.Slice((int)offset, 4);
        value = _littleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(bytes)
            : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    /// <summary>Offset of the inline value field of an entry (where a single SHORT value is stored).</summary>
    public static uint ValueOffset(uint directory, int index) => EntryOffset(directory, index) + 8;

    private static uint EntryOffset(uint directory, int index) => directory + 2 + (uint)(index * EntryLength);
}
