using System.Buffers;
using BenchmarkDotNet.Attributes;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Benchmarks;

/// <summary>
/// CLIP preprocessing (bicubic resize to 224 on the short side, centre crop, normalisation) of decoded photos: a
/// 1600x1200 camera-sized photo, and the 800x600 and 400x300 images that a JPEG decoded at 1/2 and 1/4 scale
/// gives. The ratios show what reduced-size decoding saves in preprocessing, beside what it saves in decoding.
/// </summary>
[MemoryDiagnoser]
public class PreprocessBenchmarks
{
    private readonly ClipImagePreprocessor _preprocessor = new();
    private float[] _tensor = [];
    private DecodedImage? _full;
    private DecodedImage? _half;
    private DecodedImage? _quarter;

    [GlobalSetup]
    public void Setup()
    {
        _tensor = new float[3 * 224 * 224];
        _full = SyntheticPhoto(1600, 1200);
        _half = SyntheticPhoto(800, 600);
        _quarter = SyntheticPhoto(400, 300);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _full?.Dispose();
        _half?.Dispose();
        _quarter?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "1600x1200 RGB")]
    public void Full() => _preprocessor.Preprocess(_full!, _tensor);

    [Benchmark(Description = "800x600 RGB (JPEG at 1/2)")]
    public void Half() => _preprocessor.Preprocess(_half!, _tensor);

    [Benchmark(Description = "400x300 RGB (JPEG at 1/4)")]
    public void Quarter() => _preprocessor.Preprocess(_quarter!, _tensor);

    // Smooth gradients with a fine deterministic texture: resampling cost does not depend on content, but a
    // constant image could let a future fast path skip work that a photo needs.
    private static DecodedImage SyntheticPhoto(int width, int height)
    {
        byte[] pixels = ArrayPool<byte>.Shared.Rent(width * height * 3);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = ((y * width) + x) * 3;
                int texture = ((x * 7) ^ (y * 13)) & 31;
                pixels[i] = (byte)((x * 255 / width) ^ texture);
                pixels[i + 1] = (byte)((y * 255 / height) ^ texture);
                pixels[i + 2] = (byte)(((x + y) * 127 / (width + height)) + texture);
            }
        }

        return new DecodedImage(width, height, PixelLayout.Rgb8, pixels);
    }
}
