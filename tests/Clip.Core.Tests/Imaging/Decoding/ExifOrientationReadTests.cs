using System.Buffers.Binary;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Reading the orientation from crafted, often hostile, EXIF data.</summary>
public sealed class ExifOrientationReadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Read_JpegWithTag_ReturnsItsValue(int value)
    {
        byte[] jpeg = ExifBlocks.Jpeg(ExifBlocks.ExifPayload(ExifBlocks.Orientation(value)));

        Assert.Equal(value, ExifOrientation.Read(jpeg));
    }

    [Fact]
    public void Read_BigEndianBlock_ReturnsValue()
    {
        byte[] jpeg = ExifBlocks.Jpeg(ExifBlocks.ExifPayload(ExifBlocks.Orientation(7, littleEndian: false)));

        Assert.Equal(7, ExifOrientation.Read(jpeg));
    }

    [Fact]
    public void Read_TagStoredAsLong_ReturnsValue()
    {
        byte[] tiff = ExifBlocks.Tiff(true, [(ExifBlocks.OrientationTag, ExifBlocks.TypeLong, 8)]);

        Assert.Equal(8, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(tiff))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(65535)]
    public void Read_ValueOutsideOneToEight_ReturnsUpright(int value)
    {
        Assert.Equal(1, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(ExifBlocks.Orientation(value)))));
    }

    [Fact]
    public void Read_NoOrientationTag_ReturnsUpright()
    {
        byte[] tiff = ExifBlocks.Tiff(true, [(0x0100, ExifBlocks.TypeLong, 640)]);

        Assert.Equal(1, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(tiff))));
    }

    [Fact]
    public void Read_DirectoriesLinkingToThemselves_ReturnsTagWithoutLooping()
    {
        // IFD0's next-directory pointer and its Exif-IFD pointer (0x8769) both lead back to IFD0.
        byte[] tiff = ExifBlocks.Tiff(
            true,
            [(0x8769, ExifBlocks.TypeLong, 8), (ExifBlocks.OrientationTag, ExifBlocks.TypeShort, 3)],
            nextDirectory: 8);

        Assert.Equal(3, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(tiff))));
    }

    [Fact]
    public void Read_EntryCountBeyondBlock_ReturnsUpright()
    {
        byte[] tiff = ExifBlocks.Orientation(6);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), ushort.MaxValue);

        Assert.Equal(1, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(tiff))));
    }

    [Fact]
    public void Read_DirectoryOffsetBeyondBlock_ReturnsUpright()
    {
        byte[] tiff = ExifBlocks.Orientation(6);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), uint.MaxValue - 1);

        Assert.Equal(1, ExifOrientation.Read(ExifBlocks.Jpeg(ExifBlocks.ExifPayload(tiff))));
    }

    [Fact]
    public void Read_TwoConflictingSegments_FirstOneWins()
    {
        byte[] jpeg = ExifBlocks.Jpeg(
            ExifBlocks.ExifPayload(ExifBlocks.Orientation(6)), ExifBlocks.ExifPayload(ExifBlocks.Orientation(3)));

        Assert.Equal(6, ExifOrientation.Read(jpeg));
    }

    [Fact]
    public void Read_FirstSegmentNotValidTiff_FirstValidOneWins()
    {
        byte[] jpeg = ExifBlocks.Jpeg(
            ExifBlocks.ExifPayload("garbage!"u8.ToArray()), ExifBlocks.ExifPayload(ExifBlocks.Orientation(3)));

        Assert.Equal(3, ExifOrientation.Read(jpeg));
    }

    [Fact]
    public void Read_SegmentLongerThanFile_ReturnsUpright()
    {
        byte[] jpeg = ExifBlocks.Jpeg(ExifBlocks.ExifPayload(ExifBlocks.Orientation(6)));

        Assert.Equal(1, ExifOrientation.Read(jpeg.AsSpan(0, 20)));
    }

    [Fact]
    public void Read_PngExifChunk_ReturnsValue()
    {
        Assert.Equal(5, ExifOrientation.Read(ExifBlocks.Png(ExifBlocks.Orientation(5))));
    }

    [Fact]
    public void Read_PngChunkLengthBeyondFile_ReturnsUpright()
    {
        Assert.Equal(1, ExifOrientation.Read(ExifBlocks.Png(ExifBlocks.Orientation(5), declaredLength: int.MaxValue)));
    }

    [Fact]
    public void Read_WebpExifChunkWithJpegStylePrefix_ReturnsValue()
    {
        Assert.Equal(8, ExifOrientation.Read(ExifBlocks.Webp(ExifBlocks.ExifPayload(ExifBlocks.Orientation(8)))));
    }

    [Fact]
    public void Read_TiffFile_ReturnsItsOwnTag()
    {
        Assert.Equal(4, ExifOrientation.Read(ExifBlocks.Orientation(4, littleEndian: false)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>no picture</body></html>")]
    public void Read_NotAnImage_ReturnsUpright(string text)
    {
        Assert.Equal(1, ExifOrientation.Read(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
