using Microsoft.Extensions.Logging;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Loads images from files, streams or memory: reads at most the configured number of bytes, decodes with the
/// configured decoder, and turns the result upright when <see cref="ImageDecodingOptions.ApplyExifOrientation"/> is
/// set. Decode failures are <see cref="ImageDecodeException"/>s; I/O failures keep their own exception types.
/// </summary>
public sealed class ImageLoader
{
    private const int ReadChunkSize = 81920;

    private readonly ImageDecodeRequest _request;
    private readonly bool _applyOrientation;

    /// <summary>
    /// Creates a loader with the decoder that <paramref name="options"/> names; <paramref name="logger"/> hears which
    /// decoder that is, and a warning when libturbojpeg is missing for <see cref="ImageDecoderKind.Auto"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options name <see cref="ImageDecoderKind.TurboJpeg"/> and
    /// libturbojpeg cannot be loaded.</exception>
    public ImageLoader(ImageDecodingOptions options, ILogger? logger = null)
        : this(ImageDecoderFactory.Create(Validated(options).Decoder, logger), options)
    {
    }

    /// <summary>Creates a loader around a given decoder.</summary>
    public ImageLoader(IImageDecoder decoder, ImageDecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        Validated(options);
        Decoder = decoder;
        _request = options.ToRequest();
        _applyOrientation = options.ApplyExifOrientation;
    }

    /// <summary>The decoder in use.</summary>
    public IImageDecoder Decoder { get; }

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    public async Task<DecodedImage> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            return await LoadAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end (within the byte limit) and decodes it.</summary>
    public async Task<DecodedImage> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > _request.MaxFileBytes)
        {
            throw TooLarge();
        }

        using var content = new MemoryStream(stream.CanSeek ? (int)(stream.Length - stream.Position) : ReadChunkSize);
        byte[] chunk = new byte[ReadChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (content.Length + read > _request.MaxFileBytes)
            {
                throw TooLarge();
            }

            content.Write(chunk, 0, read);
        }

        return Load(content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken);
    }

    /// <summary>Decodes bytes already in memory.</summary>
    public DecodedImage Load(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken)
    {
        DecodedImage image = Decoder.Decode(encoded, _request, cancellationToken);
        return _applyOrientation ? ExifOrientation.Apply(image, image.ExifOrientation) : image;
    }

    private static ImageDecodingOptions Validated(ImageDecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private ImageDecodeException TooLarge() =>
        Reject.TooLarge($"The file is larger than the limit of {_request.MaxFileBytes:N0} bytes.");
}
