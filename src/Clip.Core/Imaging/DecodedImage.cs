using System.Buffers;

namespace Clip.Core.Imaging;

/// <summary>
/// Pixels of one decoded image (the first frame of an animation) in a pooled buffer, row-major, no row padding.
/// Dispose it to return the buffer to the pool.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private byte[]? _buffer;
    private int _fullWidth;
    private int _fullHeight;

    /// <summary>Wraps a buffer rented from <see cref="ArrayPool{T}.Shared"/>; the image owns it from now on.</summary>
    public DecodedImage(int width, int height, PixelLayout layout, byte[] rentedBuffer, bool nearestResample = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(rentedBuffer);
        long needed = (long)width * height * BytesPerPixel(layout);
        if (rentedBuffer.LongLength < needed)
        {
            throw new ArgumentException($"Buffer holds {rentedBuffer.LongLength} bytes, the image needs {needed}.");
        }

        Width = width;
        Height = height;
        Layout = layout;
        NearestResample = nearestResample;
        _buffer = rentedBuffer;
    }

    /// <summary>Width in pixels, as stored (before any EXIF orientation is applied).</summary>
    public int Width { get; }

    /// <summary>Height in pixels, as stored.</summary>
    public int Height { get; }

    /// <summary>Sample layout.</summary>
    public PixelLayout Layout { get; }

    /// <summary>
    /// True for palette and 1-bit sources: the reference resizes those with nearest neighbour whatever filter is
    /// asked for, so the preprocessor must do the same to match it.
    /// </summary>
    public bool NearestResample { get; }

    /// <summary>EXIF orientation (1-8) read from the file, or 1 when absent or invalid. Not applied to the
    /// pixels.</summary>
    public int ExifOrientation { get; init; } = 1;

    /// <summary>
    /// Width of the picture at full size: larger than <see cref="Width"/> when a JPEG was decoded at reduced size,
    /// otherwise equal to it. Turned with the pixels when the EXIF orientation is applied.
    /// </summary>
    public int FullWidth => _fullWidth > 0 ? _fullWidth : Width;

    /// <summary>Height of the picture at full size; see <see cref="FullWidth"/>.</summary>
    public int FullHeight => _fullHeight > 0 ? _fullHeight : Height;

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * BytesPerPixel(Layout);

    /// <summary>The pixel bytes, exactly <c>Stride * Height</c> long.</summary>
    public Span<byte> Pixels => Buffer.AsSpan(0, Stride * Height);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(DecodedImage));

    /// <summary>Rents a zeroed buffer large enough for an image of this size and layout.</summary>
    public static DecodedImage Allocate(int width, int height, PixelLayout layout, bool nearestResample = false)
    {
        int length = checked(width * height * BytesPerPixel(layout));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        Array.Clear(buffer, 0, length);
        return new DecodedImage(width, height, layout, buffer, nearestResample);
    }

    /// <summary>Records the full size of a picture that was decoded smaller; returns this image.</summary>
    internal DecodedImage WithFullSize(int width, int height)
    {
        _fullWidth = width;
        _fullHeight = height;
        return this;
    }

    /// <summary>Bytes per pixel of a layout.</summary>
    public static int BytesPerPixel(PixelLayout layout) => layout switch
    {
        PixelLayout.Gray8 => 1,
        PixelLayout.GrayAlpha8 => 2,
        PixelLayout.Rgb8 => 3,
        PixelLayout.Rgba8 => 4,
        PixelLayout.Cmyk8 => 4,
        PixelLayout.Gray16 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown pixel layout."),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
