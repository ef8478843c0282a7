using System.Text.Json;
using Clip.Core.Imaging;
using Xunit.Abstractions;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// Decoded pixels against the reference's own decoding (Pillow 9.4 with libjpeg-turbo 2.1.5): the JPEG
/// <c>decoded.npy</c> files, and PNGs that the reference never resized (their <c>rgb224.npy</c> are the pixels).
/// </summary>
public sealed class ReferencePixelTests(ITestOutputHelper output)
{
    // Measured: Skia and TurboJPEG (both libjpeg-turbo, accurate integer IDCT, fancy upsampling) reproduce the
    // reference exactly.
    // ImageSharp's own decoder upsamples chroma differently: 1.4 to 2.3 levels on average and up to 91 at sharp
    // colour edges of 4:2:0 files; at most 1 level on greyscale and CMYK files.
    private static readonly Dictionary<string, (int Max, double Mean)> JpegTolerance = new()
    {
        [TestDecoders.Skia] = (0, 0),
        [TestDecoders.TurboJpeg] = (0, 0),
        [TestDecoders.ImageSharp] = (100, 2.5),
    };

    public static TheoryData<string, string> DecodedJpegs()
    {
        var cases = new TheoryData<string, string>();
        foreach (JsonElement entry in PreprocessManifest().Where(entry => entry.TryGetProperty("decoded", out _)))
        {
            cases.Add(entry.GetProperty("image").GetString()!, TestDecoders.Skia);
            cases.Add(entry.GetProperty("image").GetString()!, TestDecoders.TurboJpeg);
            cases.Add(entry.GetProperty("image").GetString()!, TestDecoders.ImageSharp);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(DecodedJpegs))]
    public void Decode_ReferenceJpeg_MatchesReferencePixels(string file, string decoder)
    {
        string path = SharedData.PathOf("clip", "preprocess", file);
        NpyArray reference = NpyArray.ReadUInt8(Path.ChangeExtension(path, ".decoded.npy"));

        using DecodedImage image = TestDecoders.DecodeWithin(TestDecoders.Create(decoder), File.ReadAllBytes(path));

        byte[] expected = reference.Shape is [_, _, 4] ? CmykToRgb(reference.Data) : reference.Data;
        int max = PixelComparison.MaxAbsDifference(image.Pixels, expected);
        double mean = PixelComparison.MeanAbsDifference(image.Pixels, expected);
        output.WriteLine($"{file} {decoder}: max |diff| {max}, mean |diff| {mean:0.000}");
        Assert.InRange(max, 0, JpegTolerance[decoder].Max);
        Assert.InRange(mean, 0, JpegTolerance[decoder].Mean);
    }

    // The reference's plain CMYK to RGB formula: with nk = 255 - K, R = nk - MULDIV255(C, nk), likewise G and B.
    private static byte[] CmykToRgb(byte[] cmyk)
    {
        byte[] rgb = new byte[cmyk.Length / 4 * 3];
        for (int i = 0; i < cmyk.Length / 4; i++)
        {
            int nk = 255 - cmyk[(i * 4) + 3];
            for (int c = 0; c < 3; c++)
            {
                int t = (cmyk[(i * 4) + c] * nk) + 128;
                rgb[(i * 3) + c] = (byte)(nk - (((t >> 8) + t) >> 8));
            }
        }

        return rgb;
    }

    private static List<JsonElement> PreprocessManifest() => File
        .ReadLines(SharedData.PathOf("clip", "preprocess", "manifest.jsonl"))
        .Where(line => !string.IsNullOrWhiteSpace(line))
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .ToList();
}
