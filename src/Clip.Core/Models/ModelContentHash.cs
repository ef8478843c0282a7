using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clip.Core.Models;

/// <summary>
/// SHA-256 over the ONNX files of a model, so a registry can tell two models apart by content, not by folder name.
/// </summary>
internal static class ModelContentHash
{
    // ONNX graphs over 2 GB keep their weights in a sibling file under one of these suffixes.
    private static readonly string[] ExternalDataSuffixes = ["_data", ".data"];

    /// <summary>
    /// Lower-case hex SHA-256 of, for each file in order: its path relative to the folder (UTF-8, '/' separators),
    /// a zero byte, its length as 8 bytes little-endian, then its bytes. Framing each file this way keeps two
    /// different splits of the same bytes from hashing alike.
    /// </summary>
    public static string Compute(string directory, IEnumerable<string> relativePaths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(long)];
        foreach (string relative in relativePaths.SelectMany(WithExternalData))
        {
            string path = Path.Combine(directory, relative);
            if (!File.Exists(path))
            {
                continue;
            }

            using FileStream stream = File.OpenRead(path);
            BinaryPrimitives.WriteInt64LittleEndian(length, stream.Length);
            hash.AppendData(Encoding.UTF8.GetBytes(relative.Replace('\\', '/')));
            hash.AppendData([0]);
            hash.AppendData(length);
            AppendStream(hash, stream);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<string> WithExternalData(string relativePath) =>
        [relativePath, .. ExternalDataSuffixes.Select(suffix => relativePath + suffix)];

    private static void AppendStream(IncrementalHash hash, Stream stream)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
