using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// Turns the edge manifest's <c>expected</c> value into a verdict on an outcome, plus the decoder gaps this project
/// knows and accepts (each with the error it must produce, so a change in behaviour shows up).
/// </summary>
internal static class EdgeExpectations
{
    // Skia alone reads no TIFF and no exact 16-bit PNG; the default decoder hands those to ImageSharp.
    private static readonly Dictionary<(string Decoder, string File), ImageDecodeError> KnownGaps = new()
    {
        [(TestDecoders.Skia, "sharp_fax_g3_multipage.tif")] = ImageDecodeError.Unsupported,
        [(TestDecoders.Skia, "tiff_multipage_3_pages.tif")] = ImageDecodeError.Unsupported,
        [(TestDecoders.Skia, "tiff_16bit_rgb.tif")] = ImageDecodeError.Unsupported,
        [(TestDecoders.Skia, "tiff_cmyk.tif")] = ImageDecodeError.Unsupported,
        [(TestDecoders.Skia, "tiff_jpeg_compressed.tif")] = ImageDecodeError.Unsupported,
        [(TestDecoders.Skia, "png_16bit_gray.png")] = ImageDecodeError.Unsupported,
    };

    /// <summary>Null when the outcome is acceptable, else the reason it is not.</summary>
    public static string? Violation(EdgeCase edge, string decoder, DecodeOutcome outcome)
    {
        if (outcome.Defect is not null)
        {
            return $"threw something other than ImageDecodeException: {outcome.Defect}";
        }

        if (outcome.Error == ImageDecodeError.Timeout)
        {
            return "timed out";
        }

        if (KnownGaps.TryGetValue((decoder, edge.File), out ImageDecodeError gap))
        {
            return outcome.Error == gap ? null : $"known gap should give {gap}, got {outcome}";
        }

        return edge.Expected switch
        {
            "decode" or "decode_first_frame" or "apply_orientation" =>
                outcome.Decoded ? null : $"should decode, got {outcome}",
            "reject" => outcome.Decoded ? $"should be rejected, got {outcome}" : CheckRejectKind(edge, outcome),
            "decode_or_reject" => null,
            "decode_or_reject_unsupported" => outcome.Decoded || outcome.Error == ImageDecodeError.Unsupported
                ? null
                : $"should decode or be Unsupported, got {outcome}",
            _ => $"unknown expectation '{edge.Expected}'",
        };
    }

    private static string? CheckRejectKind(EdgeCase edge, DecodeOutcome outcome)
    {
        ImageDecodeError[] sensible = edge.Category switch
        {
            "empty" => [ImageDecodeError.Empty],
            "not_an_image" => [ImageDecodeError.NotAnImage],
            "bomb" => [ImageDecodeError.TooLarge],
            "truncated" => [ImageDecodeError.Truncated],
            "svg" or "heif_avif" => [ImageDecodeError.Unsupported],
            _ => [ImageDecodeError.Corrupt, ImageDecodeError.Truncated],
        };

        return sensible.Contains(outcome.Error!.Value)
            ? null
            : $"rejected as {outcome.Error}, expected one of {string.Join(", ", sensible)}";
    }
}
