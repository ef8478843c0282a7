namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// What a file's header declares, read by this project's own bounded parsers before any library sees the bytes.
/// Width and height are the size the reference reports (for GIF, the logical screen grown to the first frame).
/// </summary>
internal sealed record ImageHeader(EncodedFormat Format, int Width, int Height, SourceMode Mode)
{
    /// <summary>Bits per sample as stored (8 for most files; 16 for deep PNG/TIFF; 12 for extended JPEG).</summary>
    public int BitsPerSample { get; init; } = 8;

    /// <summary>JPEG only: the entropy coding is arithmetic rather than Huffman.</summary>
    public bool IsArithmeticCoded { get; init; }

    /// <summary>WebP only: the file is an animation (ANIM/ANMF chunks).</summary>
    public bool IsAnimated { get; init; }

    /// <summary>
    /// GIF only: the palette colour of the first frame's transparent index. The reference converts palette images to
    /// RGB with that colour where the libraries leave transparent pixels.
    /// </summary>
    public (byte R, byte G, byte B)? TransparentColour { get; init; }

    /// <summary>TIFF only: byte offset of the photometric value of an 8-bit CMYK first page, else 0.</summary>
    public int CmykPhotometricOffset { get; init; }

    /// <summary>
    /// A defect found after the header (such as data cut short). It is reported only after the size checks, so that
    /// a decompression bomb is reported as too large even when its data is also incomplete.
    /// </summary>
    public ImageDecodeException? DataProblem { get; init; }

    /// <summary>This header with <paramref name="problem"/> recorded as its <see cref="DataProblem"/>.</summary>
    public ImageHeader WithProblem(ImageDecodeException problem) => this with { DataProblem = problem };

    /// <summary>True when samples are 16 bits and the reference keeps only their high byte.</summary>
    public bool KeepsHighByte => BitsPerSample == 16 && Mode is not SourceMode.Gray16;

    /// <summary>The declared pixel count.</summary>
    public long PixelCount => (long)Width * Height;
}
