using System.Security.Cryptography;
using Pipeline.Processing.Engine;
using Pipeline.Storage.Results;

namespace Pipeline.Processing;

/// <summary>What became of one image of a batch before encoding.</summary>
internal readonly record struct ImageSlot(
    bool IsReady,
    string? Sha256,
    PreparedImage Prepared,
    ImageResultFailure? Failure,
    long ByteSize)
{
    public static ImageSlot Ready(string sha256, PreparedImage prepared, long byteSize) =>
        new(true, sha256, prepared, null, byteSize);

    public static ImageSlot Failed(string kind, string reason, byte[]? bytes) => new(
        false,
        bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes)),
        default,
        new ImageResultFailure(kind, reason),
        bytes?.LongLength ?? 0);
}
