namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>JPEG files built byte by byte, for the cases no corpus file covers.</summary>
internal static class CraftedJpegs
{
    private const int Coefficients = 64;

    // Successive approximation from bit 13 (the highest a scan may start at) down to bit 0: 14 scans per band.
    private const int HighestBit = 13;

    /// <summary>
    /// The scans a <see cref="Progressive"/> file has: DC, then each single-coefficient band, then one band with the
    /// remaining coefficients, each in 14 successive-approximation scans.
    /// </summary>
    public static int ScanCount(int singleCoefficientBands) =>
        (HighestBit + 1) * (1 + singleCoefficientBands + (singleCoefficientBands < Coefficients - 1 ? 1 : 0));

    /// <summary>
    /// An 8x8 flat grey (128) progressive JPEG with a legal but long scan script: every band is refined bit by bit.
    /// The entropy-coded data of each scan is one bit (a zero DC difference, an end of band, or a zero correction
    /// bit), so the file stays small however many scans it has: the shape of a scan bomb.
    /// </summary>
    public static byte[] Progressive(int singleCoefficientBands)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange([0xFF, 0xDB, 0, 67, 0x00, .. Enumerable.Repeat((byte)1, Coefficients)]);
        bytes.AddRange([0xFF, 0xC2, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0]);

        // One DC and one AC table, each with a single one-bit code for symbol 0.
        byte[] counts = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        bytes.AddRange([0xFF, 0xC4, 0, 20, 0x00, .. counts, 0]);
        bytes.AddRange([0xFF, 0xC4, 0, 20, 0x10, .. counts, 0]);

        var bands = new List<(int Start, int End)> { (0, 0) };
        bands.AddRange(Enumerable.Range(1, singleCoefficientBands).Select(k => (k, k)));
        if (singleCoefficientBands < Coefficients - 1)
        {
            bands.Add((singleCoefficientBands + 1, Coefficients - 1));
        }

        foreach ((int start, int end) in bands)
        {
            for (int bit = HighestBit; bit >= 0; bit--)
            {
                int previous = bit == HighestBit ? 0 : bit + 1;

                // The scan's one data bit is 0; the rest of the byte is the 1-bit padding the standard asks for.
                bytes.AddRange([0xFF, 0xDA, 0, 8, 1, 1, 0x00, (byte)start, (byte)end, (byte)((previous << 4) | bit)]);
                bytes.Add(0x7F);
            }
        }

        bytes.AddRange([0xFF, 0xD9]);
        return [.. bytes];
    }

    /// <summary>A baseline JPEG with its entropy-coded data cut to half and closed by an end-of-image marker.</summary>
    public static byte[] ScanCutInHalf(byte[] jpeg)
    {
        int scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        int dataStart = scan + 2 + ((jpeg[scan + 2] << 8) | jpeg[scan + 3]);
        int dataEnd = jpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]);
        int cut = dataStart + ((dataEnd - dataStart) / 2);
        if (jpeg[cut - 1] == 0xFF)
        {
            cut--;
        }

        return [.. jpeg[..cut], 0xFF, 0xD9];
    }
}
