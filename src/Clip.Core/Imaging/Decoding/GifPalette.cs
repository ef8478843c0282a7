namespace Clip.Core.Imaging.Decoding;

/// <summary>GIF colour tables: reading them, the identity grey ramp test and the transparent colour.</summary>
internal static class GifPalette
{
    /// <summary>The colour table announced by <paramref name="flags"/>, if any, advancing past it.</summary>
    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> data, byte flags, ref int position)
    {
        if ((flags & 0x80) == 0)
        {
            return default;
        }

        int length = 3 << ((flags & 7) + 1);
        if (position + length > data.Length)
        {
            throw Reject.Truncated("The GIF is truncated: it ends inside a colour table.");
        }

        position += length;
        return data.Slice(position - length, length);
    }

    /// <summary>
    /// The transparent colour index set by the extension whose label is at <paramref name="label"/>, when it is a
    /// graphic control extension (label F9, 4 bytes) whose flags mark one; otherwise null.
    /// </summary>
    public static int? TransparentIndex(ReadOnlySpan<byte> data, int label)
    {
        bool control = label + 6 <= data.Length && data[label] == 0xF9 && data[label + 1] == 4;
        return control && (data[label + 2] & 1) != 0 ? data[label + 5] : null;
    }

    /// <summary>The colour of entry <paramref name="index"/> (grey i for a grey ramp), or null for -1.</summary>
    public static (byte R, byte G, byte B)? ColourOf(int index, ReadOnlySpan<byte> palette, bool grey)
    {
        if (index < 0)
        {
            return null;
        }

        if (grey || (index * 3) + 2 >= palette.Length)
        {
            return grey ? ((byte)index, (byte)index, (byte)index) : ((byte)0, (byte)0, (byte)0);
        }

        return (palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2]);
    }

    /// <summary>True when entry i is (i, i, i) for every entry, or when there is no palette (grey mode).</summary>
    public static bool IsIdentityGreyRamp(ReadOnlySpan<byte> palette)
    {
        for (int i = 0; i + 2 < palette.Length; i += 3)
        {
            int index = i / 3;
            if (palette[i] != index || palette[i + 1] != index || palette[i + 2] != index)
            {
                return false;
            }
        }

        return true;
    }
}
