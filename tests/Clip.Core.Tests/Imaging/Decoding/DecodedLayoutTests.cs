using System.Runtime.InteropServices;
using System.Text.Json;
using Clip.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// The decoded layout follows the mode the reference opens each file in, and the samples are the reference's. The
/// expected sample values below were read with Pillow 9.4 from the same files.
/// </summary>
public sealed class DecodedLayoutTests
{
    public static TheoryData<string, string> PreprocessImages()
    {
        var cases = new TheoryData<string, string>();
        foreach (string line in File.ReadLines(SharedData.PathOf("clip", "preprocess", "manifest.jsonl")))
        {
            string image = JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()!;
            cases.Add(image, TestDecoders.Default);
            cases.Add(image, TestDecoders.ImageSharp);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(PreprocessImages))]
    public void Decode_PreprocessImage_LayoutFollowsReferenceMode(string file, string decoder)
    {
        JsonElement entry = File.ReadLines(SharedData.PathOf("clip", "preprocess", "manifest.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(element => element.GetProperty("image").GetString() == file);

        using DecodedImage image = Decode(decoder, SharedData.PathOf("clip", "preprocess", file));

        string mode = entry.GetProperty("mode").GetString()!;
        string format = entry.GetProperty("format").GetString()!;
        Assert.Equal(ReferenceModes.LayoutOf(mode, format), (image.Layout, image.NearestResample));
        Assert.Equal(entry.GetProperty("size")[0].GetInt32(), image.Width);
        Assert.Equal(entry.GetProperty("size")[1].GetInt32(), image.Height);
    }

    [Theory]
    [InlineData("rgb-224x224-noise.png", TestDecoders.Default)]
    [InlineData("rgb-224x224-noise.png", TestDecoders.ImageSharp)]
    [InlineData("RGBA-224x224-alpha.png", TestDecoders.Default)]
    [InlineData("RGBA-224x224-alpha.png", TestDecoders.ImageSharp)]
    public void Decode_PngTheReferenceNeverResized_MatchesReferencePixels(string file, string decoder)
    {
        string path = SharedData.PathOf("clip", "preprocess", file);
        NpyArray reference = NpyArray.ReadUInt8(path.Replace(".png", ".rgb224.npy", StringComparison.Ordinal));

        using DecodedImage image = Decode(decoder, path);

        byte[] rgb = image.Layout == PixelLayout.Rgba8 ? DropAlpha(image.Pixels) : image.Pixels.ToArray();
        Assert.Equal(reference.Data, rgb);
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_SixteenBitGreyPng_KeepsFullSamples(string decoder)
    {
        using DecodedImage camera = Decode(decoder, ImageCorpus.EdgePath("png_16bit_gray.png"));
        using DecodedImage small = Decode(decoder, SharedData.PathOf("clip", "preprocess", "I16-300x200-gray16.png"));

        Assert.Equal(PixelLayout.Gray16, camera.Layout);
        Assert.Equal(new ushort[] { 51400, 51400, 51400, 51400, 51143, 51400, 51143, 50886 }, Samples16(camera)[..8]);
        Assert.Equal(new ushort[] { 1, 3, 2, 1, 3, 5 }, Samples16(small)[..6]);
        Assert.Equal(1024, Samples16(small).Max());
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_DeepRgbPng_KeepsHighByteOfEachSample(string decoder)
    {
        using var source = new Image<Rgb48>(2, 1);
        source[0, 0] = new Rgb48(0x12FF, 0x3400, 0xABCD);
        source[1, 0] = new Rgb48(0x00FF, 0xFF00, 0x8080);
        using var encoded = new MemoryStream();
        source.SaveAsPng(encoded, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Rgb });

        using DecodedImage image = TestDecoders.DecodeWithin(TestDecoders.Create(decoder), encoded.ToArray());

        Assert.Equal(PixelLayout.Rgb8, image.Layout);
        Assert.Equal(new byte[] { 0x12, 0x34, 0xAB, 0x00, 0xFF, 0x80 }, image.Pixels.ToArray());
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_BilevelPng_GivesBlackAndWhiteOnly(string decoder)
    {
        using DecodedImage image = Decode(decoder, SharedData.PathOf("clip", "preprocess", "1-240x180-dither.png"));

        Assert.Equal(new byte[] { 0, 255 }, image.Pixels.ToArray().Distinct().Order());
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_TransparentPixels_KeepTheirHiddenColour(string decoder)
    {
        using DecodedImage red = Decode(decoder, ImageCorpus.EdgePath("png_rgba_fully_transparent.png"));
        using DecodedImage band = Decode(decoder, SharedData.PathOf("clip", "preprocess", "RGBA-320x240-alpha.png"));

        Assert.All(red.Pixels.ToArray().Chunk(4), pixel => Assert.Equal(new byte[] { 255, 0, 0, 0 }, pixel));
        Assert.Equal(new byte[] { 255, 0, 255, 0 }, band.Pixels[..4].ToArray());
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_PaletteAndGreyAlphaPngs_GiveReferenceSamples(string decoder)
    {
        using DecodedImage palette = Decode(decoder, SharedData.PathOf("clip", "preprocess", "P-256x300-palette.png"));
        using DecodedImage greyAlpha = Decode(decoder, ImageCorpus.EdgePath("png_gray_alpha.png"));

        Assert.Equal(new byte[] { 69, 132, 217, 0, 0, 0 }, palette.Pixels[..6].ToArray());
        Assert.Equal(PixelLayout.GrayAlpha8, greyAlpha.Layout);
        Assert.Equal(new byte[] { 126, 0, 124, 0, 123, 0 }, greyAlpha.Pixels[..6].ToArray());
        byte[] lastRow = greyAlpha.Pixels.Slice(149 * greyAlpha.Stride, 6).ToArray();
        Assert.Equal(new byte[] { 105, 255, 98, 255, 82, 255 }, lastRow);
    }

    [Theory]
    [InlineData(TestDecoders.Default)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_CmykTiff_GivesRawCmykSamples(string decoder)
    {
        using DecodedImage image = Decode(decoder, ImageCorpus.EdgePath("tiff_cmyk.tif"));

        Assert.Equal((PixelLayout.Cmyk8, 226, 150), (image.Layout, image.Width, image.Height));
        Assert.Equal(new byte[] { 111, 134, 150, 0 }, Pixel(image, 0, 0));
        Assert.Equal(new byte[] { 195, 226, 246, 0 }, Pixel(image, 100, 50));
        Assert.Equal(new byte[] { 91, 115, 125, 0 }, Pixel(image, 225, 149));
    }

    [Theory]
    [InlineData(TestDecoders.Skia)]
    [InlineData(TestDecoders.ImageSharp)]
    public void Decode_GifWithTransparentIndex_ShowsThatIndexsPaletteColour(string decoder)
    {
        // 4x2 GIF written by Pillow: palette (10,20,30), (200,100,50); index 0 is transparent. Pillow's
        // convert("RGB") shows index 0 as (10,20,30); the libraries leave it transparent black.
        byte[] gif = Convert.FromHexString(
            "474946383961040002008100000a141ec8643200000000000021f90401000000002c000000000400020000080800" +
            "01041038706040003b");

        using DecodedImage image = TestDecoders.DecodeWithin(TestDecoders.Create(decoder), gif);

        byte[] first = [10, 20, 30];
        byte[] second = [200, 100, 50];
        byte[] expected = [.. first, .. second, .. first, .. second, .. second, .. first, .. second, .. first];
        Assert.Equal((PixelLayout.Rgb8, true), (image.Layout, image.NearestResample));
        Assert.Equal(expected, image.Pixels.ToArray());
    }

    private static DecodedImage Decode(string decoder, string path) =>
        TestDecoders.DecodeWithin(TestDecoders.Create(decoder), File.ReadAllBytes(path));

    private static byte[] Pixel(DecodedImage image, int x, int y) =>
        image.Pixels.Slice((y * image.Stride) + (x * 4), 4).ToArray();

    private static ushort[] Samples16(DecodedImage image) => MemoryMarshal.Cast<byte, ushort>(image.Pixels).ToArray();

    private static byte[] DropAlpha(ReadOnlySpan<byte> rgba) =>
        rgba.ToArray().Chunk(4).SelectMany(pixel => pixel[..3]).ToArray();
}
