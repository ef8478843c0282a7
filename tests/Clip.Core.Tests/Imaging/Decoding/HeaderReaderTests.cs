using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>The project's own header parsers on crafted input: bounded, and precise about what is wrong.</summary>
public sealed class HeaderReaderTests
{
    [Theory]
    [InlineData(0xC3, ImageDecodeError.Unsupported)]
    [InlineData(0xC5, ImageDecodeError.Unsupported)]
    public void ReadJpeg_LosslessOrHierarchicalFrame_Unsupported(byte marker, ImageDecodeError expected)
    {
        byte[] jpeg = Jpeg(marker, 8, 3);

        ImageDecodeException error = Assert.Throws<ImageDecodeException>(() => JpegHeaderReader.Read(jpeg));

        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public void ReadJpeg_TwelveBitArithmeticFrame_ReportsBothTraits()
    {
        ImageHeader header = JpegHeaderReader.Read(Jpeg(0xC9, 12, 1));

        Assert.Equal((12, true, SourceMode.Gray), (header.BitsPerSample, header.IsArithmeticCoded, header.Mode));
        Assert.Equal((40, 30), (header.Width, header.Height));
    }

    [Fact]
    public void ReadJpeg_GarbageBetweenSegments_ResynchronisesLikeLibjpeg()
    {
        byte[] clean = Jpeg(0xC0, 8, 3);
        byte[] noisy = [.. clean.AsSpan(0, 2), 0x12, 0x34, 0x00, .. clean.AsSpan(2)];

        ImageHeader header = JpegHeaderReader.Read(noisy);

        Assert.Equal((40, 30, SourceMode.Rgb, null), (header.Width, header.Height, header.Mode, header.DataProblem));
    }

    [Fact]
    public void ReadJpeg_ScanWithoutEndMarker_RecordsTruncation()
    {
        byte[] jpeg = Jpeg(0xC0, 8, 3);

        ImageHeader header = JpegHeaderReader.Read(jpeg.AsSpan(0, jpeg.Length - 2));

        Assert.Equal(ImageDecodeError.Truncated, header.DataProblem?.Error);
    }

    [Fact]
    public void ReadGif_EndlessExtensionBlocks_StopsAtEndOfFile()
    {
        byte[] comment = [0x21, 0xFE, 1, 0x41, 0];
        byte[] comments = Enumerable.Repeat(comment, 200_000).SelectMany(block => block).ToArray();
        byte[] gif = [.. "GIF89a"u8, 10, 0, 10, 0, 0, 0, 0, .. comments];

        ImageHeader header = GifHeaderReader.Read(gif);

        Assert.Equal(ImageDecodeError.Truncated, header.DataProblem?.Error);
    }

    [Fact]
    public void ReadGif_FrameBeyondScreen_GrowsSizeLikeReference()
    {
        byte[] gif = [.. "GIF89a"u8, 4, 0, 2, 0, 0, 0, 0, 0x2C, 6, 0, 0, 0, 2, 0, 2, 0, 0, 2, 1, 0x44, 0, 0x3B];

        ImageHeader header = GifHeaderReader.Read(gif);

        Assert.Equal((8, 2, SourceMode.Gray, null), (header.Width, header.Height, header.Mode, header.DataProblem));
    }

    [Fact]
    public void ReadPng_ChunkLengthBeyondFile_RecordsTruncation()
    {
        byte[] png = ExifBlocks.Png([1, 2, 3], declaredLength: 1_000_000);

        ImageHeader header = PngHeaderReader.Read(png);

        Assert.Equal((1, 1, ImageDecodeError.Truncated), (header.Width, header.Height, header.DataProblem?.Error));
    }

    [Fact]
    public void ReadBmp_TopDownRows_GiveAPositiveHeight()
    {
        byte[] bmp = new byte[54 + (4 * 2)];
        "BM"u8.CopyTo(bmp);
        BitConverter.TryWriteBytes(bmp.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bmp.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bmp.AsSpan(18), 1);
        BitConverter.TryWriteBytes(bmp.AsSpan(22), -2);
        BitConverter.TryWriteBytes(bmp.AsSpan(28), (short)24);

        ImageHeader header = BmpHeaderReader.Read(bmp);

        Assert.Equal((1, 2, SourceMode.Rgb, null), (header.Width, header.Height, header.Mode, header.DataProblem));
    }

    // SOI, a frame header of 40x30, a scan header, one byte of scan data and EOI.
    private static byte[] Jpeg(byte sofMarker, byte precision, byte components)
    {
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, sofMarker, 0, (byte)(8 + (3 * components)) };
        bytes.AddRange([precision, 0, 30, 0, 40, components]);
        for (int c = 0; c < components; c++)
        {
            bytes.AddRange([(byte)(c + 1), 0x11, 0]);
        }

        bytes.AddRange([0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9]);
        return bytes.ToArray();
    }
}
