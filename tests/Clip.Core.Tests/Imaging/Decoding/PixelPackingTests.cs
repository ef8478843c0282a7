using System.Runtime.InteropServices;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>Narrowing RGBA to each layout in place, including the vector path and its scalar tail.</summary>
public sealed class PixelPackingTests
{
    [Theory]
    [InlineData(PixelLayout.Rgb8, new[] { 0, 1, 2 })]
    [InlineData(PixelLayout.GrayAlpha8, new[] { 0, 3 })]
    [InlineData(PixelLayout.Gray8, new[] { 0 })]
    [InlineData(PixelLayout.Rgba8, new[] { 0, 1, 2, 3 })]
    public void FromRgba32_OddPixelCount_KeepsLayoutChannels(PixelLayout layout, int[] channels)
    {
        const int Pixels = 11;
        byte[] buffer = Enumerable.Range(0, Pixels * 4).Select(i => (byte)(i + 1)).ToArray();
        byte[] expected = Enumerable.Range(0, Pixels)
            .SelectMany(pixel => channels.Select(channel => (byte)((pixel * 4) + channel + 1)))
            .ToArray();

        PixelPacking.FromRgba32(buffer, Pixels, layout);

        Assert.Equal(expected, buffer[..expected.Length]);
    }

    [Fact]
    public void FromRgba64_GreySixteen_KeepsFullRedSamples()
    {
        ushort[] samples = [0x1234, 1, 2, 3, 0xFEDC, 4, 5, 6];
        byte[] buffer = MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();

        PixelPacking.FromRgba64(buffer, 2, PixelLayout.Gray16);

        Assert.Equal(new ushort[] { 0x1234, 0xFEDC }, MemoryMarshal.Cast<byte, ushort>(buffer.AsSpan(0, 4)).ToArray());
    }
}
