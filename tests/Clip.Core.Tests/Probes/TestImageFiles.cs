using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Clip.Core.Tests.Probes;

/// <summary>Small image files written on the fly for data set tests.</summary>
internal static class TestImageFiles
{
    /// <summary>Writes a 16 × 16 PNG of one colour, creating the folder as needed.</summary>
    public static string WritePng(string path, byte red, byte green, byte blue)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(16, 16, new Rgb24(red, green, blue));
        image.SaveAsPng(path);
        return path;
    }

    /// <summary>Writes bytes that no decoder accepts under an image file name.</summary>
    public static string WriteBroken(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0x13, 0x37, 0x00, 0x42, 0x99, 0x01]);
        return path;
    }
}
