using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Clip.Core.Numerics;

/// <summary>
/// The ASCII header of a <c>.npy</c> file: a Python dict literal with the keys <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>.
/// </summary>
internal static partial class NpyHeader
{
    /// <summary>numpy aligns the start of the data to this many bytes so that it can be memory-mapped.</summary>
    public const int Alignment = 64;

    public static (NpyDataType DataType, int[] Shape) Parse(string header)
    {
        Match descr = DescrPattern().Match(header);
        Match order = FortranOrderPattern().Match(header);
        Match shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            throw new InvalidDataException($"Not a valid .npy header: {header.Trim()}");
        }

        if (order.Groups[1].Value == "True")
        {
            throw new NotSupportedException("Fortran-ordered .npy arrays are not supported.");
        }

        NpyDataType dataType = descr.Groups[1].Value switch
        {
            "<f4" => NpyDataType.Float32,
            "|u1" or "<u1" => NpyDataType.UInt8,
            "<i8" => NpyDataType.Int64,
            string other => throw new NotSupportedException($"The .npy element type '{other}' is not supported."),
        };

        int[] dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        return (dataType, dims);
    }

    /// <summary>The header text, space-padded and ended by a newline so the data starts 64-byte aligned.</summary>
    public static string Format(NpyDataType dataType, ReadOnlySpan<int> shape, int preambleLength)
    {
        string dims = shape.Length == 1
            ? $"{shape[0]},"
            : string.Join(", ", shape.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        text.Append("{'descr': '").Append(Descr(dataType)).Append("', 'fortran_order': False, 'shape': (")
            .Append(dims).Append("), }");

        int unpadded = preambleLength + text.Length + 1;
        int padding = (Alignment - (unpadded % Alignment)) % Alignment;
        return text.Append(' ', padding).Append('\n').ToString();
    }

    public static int ElementSize(NpyDataType dataType) => dataType switch
    {
        NpyDataType.Float32 => sizeof(float),
        NpyDataType.UInt8 => sizeof(byte),
        NpyDataType.Int64 => sizeof(long),
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "Unknown element type."),
    };

    private static string Descr(NpyDataType dataType) => dataType switch
    {
        NpyDataType.Float32 => "<f4",
        NpyDataType.UInt8 => "|u1",
        NpyDataType.Int64 => "<i8",
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "Unknown element type."),
    };

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranOrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
