namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// The sequence every decoder follows: validate the request, inspect the bytes with this project's own parsers,
/// read the EXIF orientation, then let the library decode under the request's deadline.
/// </summary>
internal static class GuardedDecode
{
    public static DecodedImage Run(
        ReadOnlyMemory<byte> encoded,
        ImageDecodeRequest request,
        IDecodeBackend backend,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        ImageHeader header = DecodePreflight.Inspect(encoded.Span, request);
        backend.CheckSupported(header);
        var job = new DecodeJob(header, request, ExifOrientation.Read(encoded.Span));
        return TimeBound.Run(token => backend.Decode(encoded, job, token), request.Timeout, cancellationToken);
    }
}
