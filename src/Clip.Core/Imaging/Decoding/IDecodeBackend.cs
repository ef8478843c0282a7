namespace Clip.Core.Imaging.Decoding;

/// <summary>The library-specific half of a decoder; <see cref="GuardedDecode"/> adds the checks around it.</summary>
internal interface IDecodeBackend
{
    /// <summary>Throws <see cref="ImageDecodeError.Unsupported"/> for inputs the library cannot read.</summary>
    void CheckSupported(ImageHeader header);

    /// <summary>Decodes an input that passed the preflight; runs on a worker thread under a deadline.</summary>
    DecodedImage Decode(ReadOnlyMemory<byte> encoded, DecodeJob job, CancellationToken cancellationToken);
}
