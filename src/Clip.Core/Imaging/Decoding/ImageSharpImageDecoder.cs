using System.Buffers;
using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.PixelFormats;
using LibraryDecoder = SixLabors.ImageSharp.Formats.IImageDecoder;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Decodes with SixLabors.ImageSharp 2.1 (managed code). Always decodes at full size. Reads only the first frame or
/// page; animated WebP, which this version refuses, is cut down to its first frame first. Metadata is never parsed
/// (so text-chunk bombs are not inflated); cancellation reaches the library, so a timeout stops it.
/// </summary>
public sealed class ImageSharpImageDecoder : IImageDecoder, IDecodeBackend
{
    private static readonly Configuration Library = CreateConfiguration();

    /// <inheritdoc />
    public string Name => "ImageSharp";

    /// <inheritdoc />
    public DecodedImage Decode(
        ReadOnlyMemory<byte> encoded, ImageDecodeRequest request, CancellationToken cancellationToken) =>
        GuardedDecode.Run(encoded, request, this, cancellationToken);

    void IDecodeBackend.CheckSupported(ImageHeader header)
    {
        if (header.Format is not (EncodedFormat.Jpeg or EncodedFormat.Png or EncodedFormat.Gif or EncodedFormat.Bmp
            or EncodedFormat.Webp or EncodedFormat.Tiff))
        {
            throw Reject.Unsupported($"ImageSharp does not read {FormatSniffer.Describe(header.Format)}.");
        }

        if (header.IsArithmeticCoded)
        {
            throw Reject.Unsupported("ImageSharp does not read arithmetic-coded JPEG.");
        }
    }

    DecodedImage IDecodeBackend.Decode(ReadOnlyMemory<byte> encoded, DecodeJob job, CancellationToken token)
    {
        try
        {
            WebpFirstFrame.Frame? frame = job.Header.IsAnimated
                ? WebpFirstFrame.Extract(encoded.Span, job.Header)
                : null;
            LibraryDecoder decoder = ImageSharpInputs.DecoderFor(job.Header.Format);
            using MemoryStream stream = frame is null
                ? ImageSharpInputs.OpenStream(encoded, job.Header)
                : new MemoryStream(frame.Still, writable: false);
            IImageInfo info = ((IImageInfoDetector)decoder).Identify(Library, stream, token)
                ?? throw Reject.Corrupt($"ImageSharp could not read the {job.FormatName} header.");
            DecodePreflight.CheckDeclaredSize(info.Width, info.Height, job.Request);
            int width = frame?.CanvasWidth ?? info.Width;
            int height = frame?.CanvasHeight ?? info.Height;
            DecodePreflight.CheckDecodedSize(width, height, job.Request);

            stream.Position = 0;
            return job.Header.BitsPerSample == 16
                ? Copy<Rgba64>(decoder.Decode<Rgba64>(Library, stream, token), frame, job, width, height)
                : Copy<Rgba32>(decoder.Decode<Rgba32>(Library, stream, token), frame, job, width, height);
        }
        catch (Exception error) when (error is not (ImageDecodeException or OperationCanceledException))
        {
            throw ImageSharpInputs.Failure(error, job);
        }
    }

    private static Configuration CreateConfiguration()
    {
        // One thread per decode: the pipeline already decodes many images in parallel.
        Configuration configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        configuration.PreferContiguousImageBuffers = true;
        return configuration;
    }

    private static DecodedImage Copy<TPixel>(
        Image<TPixel> image, WebpFirstFrame.Frame? frame, DecodeJob job, int width, int height)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using (image)
        {
            int pixelSize = Marshal.SizeOf<TPixel>();
            int length = checked(width * height * pixelSize);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Array.Clear(buffer, 0, length);
                int left = frame?.Left ?? 0;
                int top = frame?.Top ?? 0;
                int rows = Math.Min(image.Height, height - top);
                int rowBytes = Math.Min(image.Width, width - left) * pixelSize;
                for (int y = 0; y < rows; y++)
                {
                    Span<byte> row = MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span)[..rowBytes];
                    row.CopyTo(buffer.AsSpan((((top + y) * width) + left) * pixelSize));
                }

                if (pixelSize == 8)
                {
                    PixelPacking.FromRgba64(buffer, width * height, job.Layout);
                }
                else
                {
                    if (job.Header.TransparentColour is { } hidden)
                    {
                        PixelPacking.FillTransparent(buffer, width * height, hidden);
                    }

                    PixelPacking.FromRgba32(buffer, width * height, job.Layout);
                }

                return new DecodedImage(width, height, job.Layout, buffer, job.NearestResample)
                {
                    ExifOrientation = job.Orientation,
                };
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }
}
