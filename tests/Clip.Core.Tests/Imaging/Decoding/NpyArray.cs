using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// A minimal reader for the uint8 .npy files (format 1.0, C order) of the reference data: enough to compare decoded
/// pixels, nothing more.
/// </summary>
internal sealed partial record NpyArray(int[] Shape, byte[] Data)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray ReadUInt8(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (!file.AsSpan().StartsWith(Magic) || file[6] != 1)
        {
            throw new InvalidDataException($"{path} is not a version 1 .npy file.");
        }

        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        string header = Encoding.ASCII.GetString(file, 10, headerLength);
        if (!header.Contains("'descr': '|u1'", StringComparison.Ordinal)
            || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} does not hold C-ordered uint8 data: {header}");
        }

        int[] shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse)
            .ToArray();
        int offset = 10 + headerLength;
        return new NpyArray(shape, file[offset..]);
    }

    [GeneratedRegex(@"'shape': \(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
