namespace Clip.Core.Text;

/// <summary>
/// The printable character that stands for each byte in CLIP's byte-level vocabulary. Bytes 33-126, 161-172 and
/// 174-255 are their own code point; the other 68 bytes (controls, space, DEL, NBSP, soft hyphen), in increasing
/// order, take U+0100, U+0101 and so on. Ids 0-255 of the vocabulary are these symbols in <see cref="IdOrder"/>.
/// </summary>
public static class ByteSymbols
{
    private static readonly char[] SymbolOfByte = new char[256];
    private static readonly byte[] ByteOfIdOrder = BuildOrder();

    /// <summary>The bytes in the order of their vocabulary ids: printable ones first, then the rest.</summary>
    public static IReadOnlyList<byte> IdOrder => ByteOfIdOrder;

    /// <summary>The symbol of <paramref name="value"/>.</summary>
    public static char ForByte(byte value) => SymbolOfByte[value];

    private static byte[] BuildOrder()
    {
        var order = new List<byte>(256);
        int nextShifted = 0;
        for (int value = 0; value < 256; value++)
        {
            if (IsPrintable(value))
            {
                order.Add((byte)value);
                SymbolOfByte[value] = (char)value;
            }
        }

        for (int value = 0; value < 256; value++)
        {
            if (!IsPrintable(value))
            {
                order.Add((byte)value);
                SymbolOfByte[value] = (char)(256 + nextShifted++);
            }
        }

        return [.. order];
    }

    private static bool IsPrintable(int value) =>
        value is (>= 33 and <= 126) or (>= 161 and <= 172) or (>= 174 and <= 255);
}
