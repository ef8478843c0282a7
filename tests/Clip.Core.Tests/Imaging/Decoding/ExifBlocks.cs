using System.Buffers.Binary;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Builds small EXIF (TIFF-structured) blocks and wraps them in JPEG, PNG and WebP containers.</summary>
internal static class ExifBlocks
{
    public const ushort OrientationTag = 0x0112;
    public const ushort TypeShort = 3;
    public const ushort TypeLong = 4;

    /// <summary>A TIFF block whose first directory (at offset 8) holds <paramref name="entries"/>.</summary>
    public static byte[] Tiff(
        bool littleEndian, (ushort Tag, ushort Type, uint Value)[] entries, uint nextDirectory = 0)
    {
        byte[] block = new byte[8 + 2 + (entries.Length * 12) + 4];
        Span<byte> span = block;
        (littleEndian ? "II"u8 : "MM"u8).CopyTo(span);
        Write16(span[2..], 42, littleEndian);
        Write32(span[4..], 8, littleEndian);
        Write16(span[8..], (ushort)entries.Length, littleEndian);
        for (int i = 0; i < entries.Length; i++)
        {
            Span<byte> entry = span.Slice(10 + (i * 12), 12);
            Write16(entry, entries[i].Tag, littleEndian);
            Write16(entry[2..], entries[i].Type, littleEndian);
            Write32(entry[4..], 1, littleEndian);
            if (entries[i].Type == TypeShort)
            {
                Write16(entry[8..], (ushort)entries[i].Value, littleEndian);
            }
            else
            {
                Write32(entry[8..], entries[i].Value, littleEndian);
            }
        }

        Write32(span[^4..], nextDirectory, littleEndian);
        return block;
    }

    public static byte[] Orientation(int value, bool littleEndian = true) =>
        Tiff(littleEndian, [(OrientationTag, TypeShort, (uint)value)]);

    /// <summary>A JPEG head: SOI, one APP1 segment per payload, then a scan header and end of image.</summary>
    public static byte[] Jpeg(params byte[][] app1Payloads)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        foreach (byte[] payload in app1Payloads)
        {
            bytes.AddRange([0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
            bytes.AddRange(payload);
        }

        bytes.AddRange([0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9]);
        return bytes.ToArray();
    }

    public static byte[] ExifPayload(byte[] tiff) => [.. "Exif\0\0"u8, .. tiff];

    /// <summary>A PNG signature, an IHDR chunk and an eXIf chunk (CRCs are not checked by the EXIF reader).</summary>
    public static byte[] Png(byte[] exif, uint? declaredLength = null)
    {
        var bytes = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        AddChunk(bytes, "IHDR"u8, [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0], null);
        AddChunk(bytes, "eXIf"u8, exif, declaredLength);
        AddChunk(bytes, "IEND"u8, [], null);
        return bytes.ToArray();
    }

    /// <summary>A WebP with a VP8X header and an EXIF chunk.</summary>
    public static byte[] Webp(byte[] exif)
    {
        var chunks = new List<byte>();
        chunks.AddRange("VP8X"u8.ToArray());
        chunks.AddRange(Le32(10));
        chunks.AddRange(new byte[] { 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        chunks.AddRange("EXIF"u8.ToArray());
        chunks.AddRange(Le32((uint)exif.Length));
        chunks.AddRange(exif);
        if (exif.Length % 2 == 1)
        {
            chunks.Add(0);
        }

        return [.. "RIFF"u8, .. Le32((uint)(chunks.Count + 4)), .. "WEBP"u8, .. chunks];
    }

    private static void AddChunk(List<byte> bytes, ReadOnlySpan<byte> type, byte[] body, uint? declaredLength)
    {
        bytes.AddRange(Be32(declaredLength ?? (uint)body.Length));
        bytes.AddRange(type.ToArray());
        bytes.AddRange(body);
        bytes.AddRange(new byte[4]);
    }

    private static byte[] Le32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Be32(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static void Write16(Span<byte> span, ushort value, bool littleEndian)
    {
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
    }

    private static void Write32(Span<byte> span, uint value, bool littleEndian)
    {
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
    }
}
