namespace Pipeline.Storage;

/// <summary>An image as a worker read it: where it came from, its content hash, size and pixel dimensions.</summary>
/// <param name="SourceUri">Where the image was read from; unique across the store.</param>
/// <param name="ContentSha256">SHA-256 of the image bytes (32 bytes).</param>
/// <param name="ByteSize">Size of the image file in bytes.</param>
/// <param name="Width">Width in pixels, or null when the image was not decoded.</param>
/// <param name="Height">Height in pixels, or null when the image was not decoded.</param>
public sealed record ImageObservation(
    string SourceUri,
    ReadOnlyMemory<byte> ContentSha256,
    long ByteSize,
    int? Width,
    int? Height);
