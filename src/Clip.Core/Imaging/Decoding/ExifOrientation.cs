namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The EXIF Orientation tag (274): reading it from untrusted bytes and applying it to decoded pixels. Values follow
/// the EXIF standard: 1 upright, 2 mirrored, 3 rotated 180 degrees, 4 flipped, 5 transposed, 6 stored rotated 90
/// degrees anticlockwise (turn clockwise to show), 7 transversed, 8 stored rotated 90 degrees clockwise.
/// </summary>
public static class ExifOrientation
{
    /// <summary>The orientation that needs no change.</summary>
    public const int Upright = 1;

    private const ushort OrientationTag = 0x0112;

    /// <summary>
    /// Reads the orientation from the first valid EXIF block of a JPEG, PNG, WebP or TIFF file. Returns
    /// <see cref="Upright"/> when there is no EXIF data, no tag, or a value outside 1..8; never throws.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> encoded)
    {
        ReadOnlySpan<byte> exif = ExifLocator.Find(encoded, FormatSniffer.Sniff(encoded));

        // The tag lives in the first directory; later directories (and any loop they form) are never visited.
        if (!TiffReader.TryOpen(exif, out TiffReader tiff, out uint directory)
            || !tiff.TryReadDirectory(directory, out int entries))
        {
            return Upright;
        }

        for (int i = 0; i < entries; i++)
        {
            if (tiff.Entry(directory, i).Tag == OrientationTag)
            {
                return tiff.TryReadValue(directory, i, 0, out uint value) && value is >= 1 and <= 8
                    ? (int)value
                    : Upright;
            }
        }

        return Upright;
    }

    /// <summary>
    /// Returns the image turned upright for <paramref name="orientation"/>, for every pixel layout. Takes ownership:
    /// when a transform is needed the input is disposed and a new image (with orientation 1) is returned; for 1 or an
    /// invalid value the input itself is returned.
    /// </summary>
    public static DecodedImage Apply(DecodedImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        DecodedImage result = OrientationTransform.Transform(image, orientation);
        image.Dispose();
        return result;
    }
}
