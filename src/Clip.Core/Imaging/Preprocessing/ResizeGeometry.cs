namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Where the resize puts the image and which part of it the centre crop keeps, computed as torchvision's
/// <c>Resize(int)</c> and <c>CenterCrop</c> do for PIL images.
/// </summary>
internal readonly record struct ResizeGeometry(
    int SourceWidth,
    int SourceHeight,
    int ResizedWidth,
    int ResizedHeight,
    int CropLeft,
    int CropTop,
    int CropWidth,
    int CropHeight)
{
    /// <summary>True when the reference resizes at all; an image whose short side already fits is left alone.</summary>
    public bool Resizes => ResizedWidth != SourceWidth || ResizedHeight != SourceHeight;

    public static ResizeGeometry Compute(int width, int height, ImagePreprocessingSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        // floor(edge * long / short) in integers equals Python's int(edge * long / short) for every int size.
        long edge = spec.ShortestEdge;
        long resizedWidth = width <= height ? edge : edge * width / height;
        long resizedHeight = width <= height ? edge * height / width : edge;
        if (resizedWidth > int.MaxValue || resizedHeight > int.MaxValue)
        {
            throw new ArgumentException(
                $"A {width}x{height} image is too elongated to resize to a {edge} px short side.");
        }

        return new ResizeGeometry(
            width,
            height,
            (int)resizedWidth,
            (int)resizedHeight,
            CentredOffset((int)resizedWidth, spec.CropWidth),
            CentredOffset((int)resizedHeight, spec.CropHeight),
            spec.CropWidth,
            spec.CropHeight);
    }

    // Python's round() sends halves to the even neighbour, as Math.Round does by default: round(2.5) is 2.
    private static int CentredOffset(int size, int crop) => (int)Math.Round((size - crop) / 2.0);
}
