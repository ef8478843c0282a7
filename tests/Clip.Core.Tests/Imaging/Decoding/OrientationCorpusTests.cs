using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Xunit.Abstractions;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>EXIF orientation in corpus files: read from the raw bytes, and applying it turns them upright.</summary>
public sealed class OrientationCorpusTests(ITestOutputHelper output)
{
    // Re-encoding the rotated cat as JPEG moves each sample by a few levels; a wrong transform moves it by tens.
    private const double JpegNoise = 4.0;

    [Theory]
    [InlineData("exif_orientation_1.jpg", 1)]
    [InlineData("exif_orientation_2.jpg", 2)]
    [InlineData("exif_orientation_3.jpg", 3)]
    [InlineData("exif_orientation_4.jpg", 4)]
    [InlineData("exif_orientation_5.jpg", 5)]
    [InlineData("exif_orientation_6.jpg", 6)]
    [InlineData("exif_orientation_7.jpg", 7)]
    [InlineData("exif_orientation_8.jpg", 8)]
    [InlineData("exif_orientation_invalid_9.jpg", 1)]
    [InlineData("recurser_Landscape_0.jpg", 1)]
    [InlineData("recurser_Landscape_5.jpg", 5)]
    [InlineData("exif_huge_64k_block_orientation_6.jpg", 6)]
    [InlineData("exif_two_app1_conflicting.jpg", 6)]
    [InlineData("exif_ifd_loop.jpg", 1)]
    [InlineData("pillow_webp_exif_orientation_6.webp", 6)]
    public void Read_EdgeFile_GivesOrientationOfManifest(string file, int expected)
    {
        Assert.Equal(expected, ExifOrientation.Read(File.ReadAllBytes(ImageCorpus.EdgePath(file))));
    }

    [Fact]
    public void Read_RealCorpus_MatchesManifestOrientation()
    {
        foreach (RealImage image in ImageCorpus.Real)
        {
            int read = ExifOrientation.Read(File.ReadAllBytes(ImageCorpus.RealPath(image.File)));
            int expected = image.ExifOrientation ?? 1;
            Assert.True(read == expected, $"{image.File}: read {read}, manifest {image.ExifOrientation}");
        }
    }

    public static TheoryData<string, string> UprightCases()
    {
        string[] files =
        [
            "exif_orientation_1.jpg", "exif_orientation_2.jpg", "exif_orientation_3.jpg", "exif_orientation_4.jpg",
            "exif_orientation_5.jpg", "exif_orientation_6.jpg", "exif_orientation_7.jpg", "exif_orientation_8.jpg",
            "exif_huge_64k_block_orientation_6.jpg", "exif_two_app1_conflicting.jpg", "exif_ifd_loop.jpg",
            "exif_orientation_invalid_9.jpg",
        ];
        var cases = new TheoryData<string, string>();
        foreach (string file in files)
        {
            cases.Add(file, TestDecoders.Skia);
            cases.Add(file, TestDecoders.ImageSharp);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(UprightCases))]
    public void Apply_CraftedOrientation_EqualsUprightCatWithinJpegNoise(string file, string decoder)
    {
        IImageDecoder imageDecoder = TestDecoders.Create(decoder);
        byte[] uprightBytes = File.ReadAllBytes(ImageCorpus.EdgePath("exif_orientation_1.jpg"));
        using DecodedImage upright = TestDecoders.DecodeWithin(imageDecoder, uprightBytes);
        DecodedImage stored = TestDecoders.DecodeWithin(imageDecoder, File.ReadAllBytes(ImageCorpus.EdgePath(file)));
        double unapplied = stored.Width == upright.Width
            ? PixelComparison.MeanAbsDifference(stored, upright)
            : double.NaN;

        using DecodedImage turned = ExifOrientation.Apply(stored, stored.ExifOrientation);

        double difference = PixelComparison.MeanAbsDifference(turned, upright);
        output.WriteLine($"{file} {decoder}: mean |diff| {difference:0.00} after applying, {unapplied:0.00} before");
        Assert.True(difference < JpegNoise, $"mean |diff| {difference:0.00}");
    }

    [Fact]
    public void Apply_PortraitStoredSideways_BecomesPortrait()
    {
        byte[] bytes = File.ReadAllBytes(ImageCorpus.RealPath("recurser_Portrait_6.jpg"));
        DecodedImage stored = TestDecoders.DecodeWithin(TestDecoders.Create(TestDecoders.Default), bytes);
        Assert.Equal((1800, 1200, 6), (stored.Width, stored.Height, stored.ExifOrientation));

        using DecodedImage turned = ExifOrientation.Apply(stored, stored.ExifOrientation);

        Assert.Equal((1200, 1800, 1), (turned.Width, turned.Height, turned.ExifOrientation));
    }
}
