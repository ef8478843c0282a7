using System.Buffers;

namespace Clip.Core.Imaging.Preprocessing;

/// <summary>
/// Turns a decoded image into CLIP image-encoder input exactly as OpenAI's reference pipeline does with Pillow 9.4:
/// bicubic resize of the shortest edge (fixed-point, horizontal pass first, clipped after each pass; nearest for
/// palette and 1-bit sources), centre crop, conversion to RGB, then float32 normalisation. Only the cropped part of
/// the resized image is computed, so time and memory do not grow with extreme aspect ratios.
/// Immutable and thread-safe; buffers come from <see cref="ArrayPool{T}.Shared"/>.
/// </summary>
public sealed class ClipImagePreprocessor
{
    private readonly AlphaHandling _alphaHandling;
    private readonly RgbColor _background;

    /// <summary>A preprocessor for <see cref="ImagePreprocessingSpec.ClipDefault"/> with default options.</summary>
    public ClipImagePreprocessor()
        : this(ImagePreprocessingSpec.ClipDefault, new ClipPreprocessorOptions())
    {
    }

    /// <summary>
    /// Validates and captures the spec and options; later changes to <paramref name="options"/> are not seen.
    /// </summary>
    public ClipImagePreprocessor(ImagePreprocessingSpec spec, ClipPreprocessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.Validate();
        options.Validate();
        Spec = spec;
        _alphaHandling = options.AlphaHandling;
        _background = options.BackgroundColor;
    }

    /// <summary>The geometry and normalisation applied.</summary>
    public ImagePreprocessingSpec Spec { get; }

    /// <summary>
    /// Writes the normalised image as float32, channel-first: [3, <see cref="ImagePreprocessingSpec.CropHeight"/>,
    /// <see cref="ImagePreprocessingSpec.CropWidth"/>], red plane first.
    /// </summary>
    /// <param name="image">The decoded image; not modified.</param>
    /// <param name="destination">Exactly <see cref="ImagePreprocessingSpec.TensorLength"/> floats.</param>
    public void Preprocess(DecodedImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != Spec.TensorLength)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} floats; one image needs {Spec.TensorLength}.",
                nameof(destination));
        }

        int rgbLength = Spec.TensorLength;
        byte[] rgb = ArrayPool<byte>.Shared.Rent(rgbLength);
        try
        {
            WriteRgb(image, rgb.AsSpan(0, rgbLength));
            TensorNormalizer.Run(rgb.AsSpan(0, rgbLength), Spec.Mean, Spec.Std, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgb);
        }
    }

    /// <summary>
    /// The resized, cropped RGB image just before normalisation, interleaved (height, width, 3). For diagnostics and
    /// tests: a mismatch here is geometry or resampling, a mismatch only in the tensor is normalisation.
    /// </summary>
    public byte[] PreprocessToRgb(DecodedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        byte[] rgb = new byte[Spec.TensorLength];
        WriteRgb(image, rgb);
        return rgb;
    }

    private void WriteRgb(DecodedImage image, Span<byte> rgb)
    {
        var geometry = ResizeGeometry.Compute(image.Width, image.Height, Spec);
        int pixels = Spec.CropWidth * Spec.CropHeight;
        var plan = PixelPlan.For(image.Layout, _alphaHandling, geometry.Resizes, image.NearestResample);
        if (plan.Format == WorkingFormat.Gray16)
        {
            int[] samples = ArrayPool<int>.Shared.Rent(pixels);
            try
            {
                Gray16WindowResampler.Run(image, geometry, samples.AsSpan(0, pixels));
                RgbConverter.ConvertClamped(samples.AsSpan(0, pixels), rgb);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(samples);
            }

            return;
        }

        int windowLength = pixels * plan.BytesPerPixel;
        byte[] window = ArrayPool<byte>.Shared.Rent(windowLength);
        try
        {
            ByteWindowResampler.Run(image, plan, geometry, _background, window.AsSpan(0, windowLength));
            RgbConverter.Convert(plan.Format, window.AsSpan(0, windowLength), rgb);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }
    }
}
