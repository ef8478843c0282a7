using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Applying each orientation to synthetic images of every layout.</summary>
public sealed class ExifOrientationApplyTests
{
    private const int Width = 3;
    private const int Height = 2;

    public static TheoryData<int, PixelLayout> EveryOrientationAndLayout()
    {
        var cases = new TheoryData<int, PixelLayout>();
        for (int orientation = 2; orientation <= 8; orientation++)
        {
            foreach (PixelLayout layout in Enum.GetValues<PixelLayout>())
            {
                cases.Add(orientation, layout);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryOrientationAndLayout))]
    public void Apply_Orientation_PutsStoredRowAndColumnZeroWhereExifSays(int orientation, PixelLayout layout)
    {
        DecodedImage stored = NumberedImage(layout);
        byte[] storedPixels = stored.Pixels.ToArray();
        int size = DecodedImage.BytesPerPixel(layout);

        using DecodedImage turned = ExifOrientation.Apply(stored, orientation);

        bool sideways = orientation >= 5;
        Assert.Equal(sideways ? (Height, Width) : (Width, Height), (turned.Width, turned.Height));
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                (int shownX, int shownY) = ShownAt(orientation, x, y);
                byte[] expected = storedPixels.AsSpan(((y * Width) + x) * size, size).ToArray();
                byte[] actual = turned.Pixels.Slice((shownY * turned.Stride) + (shownX * size), size).ToArray();
                Assert.Equal(expected, actual);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(9)]
    public void Apply_UprightOrInvalidValue_ReturnsSameImage(int orientation)
    {
        using DecodedImage image = NumberedImage(PixelLayout.Rgb8);

        Assert.Same(image, ExifOrientation.Apply(image, orientation));
    }

    [Fact]
    public void Apply_Transform_DisposesInputAndKeepsFlags()
    {
        DecodedImage stored = DecodedImage.Allocate(Width, Height, PixelLayout.Rgb8, nearestResample: true);

        using DecodedImage turned = ExifOrientation.Apply(stored, 6);

        Assert.Throws<ObjectDisposedException>(() => stored.Pixels.Length);
        Assert.Equal((1, true, PixelLayout.Rgb8), (turned.ExifOrientation, turned.NearestResample, turned.Layout));
    }

    [Fact]
    public void Apply_ClockwiseThenAnticlockwise_RestoresImage()
    {
        DecodedImage image = NumberedImage(PixelLayout.Rgba8);
        byte[] original = image.Pixels.ToArray();

        using DecodedImage restored = ExifOrientation.Apply(ExifOrientation.Apply(image, 6), 8);

        Assert.Equal(original, restored.Pixels.ToArray());
    }

    // EXIF defines each value by where the stored row 0 and column 0 appear when the image is shown.
    private static (int X, int Y) ShownAt(int orientation, int x, int y)
    {
        (string row0, string column0) = orientation switch
        {
            2 => ("top", "right"),
            3 => ("bottom", "right"),
            4 => ("bottom", "left"),
            5 => ("left", "top"),
            6 => ("right", "top"),
            7 => ("right", "bottom"),
            8 => ("left", "bottom"),
            _ => ("top", "left"),
        };

        if (row0 is "top" or "bottom")
        {
            return (column0 == "left" ? x : Width - 1 - x, row0 == "top" ? y : Height - 1 - y);
        }

        return (row0 == "left" ? y : Height - 1 - y, column0 == "top" ? x : Width - 1 - x);
    }

    private static DecodedImage NumberedImage(PixelLayout layout)
    {
        var image = DecodedImage.Allocate(Width, Height, layout);
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i + 1);
        }

        return image;
    }
}
