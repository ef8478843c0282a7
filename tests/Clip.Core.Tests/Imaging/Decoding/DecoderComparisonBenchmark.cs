using System.Diagnostics;
using System.Text;
using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Xunit.Abstractions;

namespace Clip.Core.Tests.Imaging.Decoding;

/// <summary>
/// The figures behind the choice of default decoder (docs/decoders.md). Run with
/// <c>CLIP_BENCHMARKS=1 dotnet test tests/Clip.Core.Tests -c Release --filter Category=Benchmark</c>
/// <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class DecoderComparisonBenchmark(ITestOutputHelper output)
{
    private const int TimedPasses = 5;
    private const int LargeJpegShortSide = 1000;
    private const int ClipInputSize = 224;

    [BenchmarkFact]
    public void Robustness_EdgeCorpus_PrintsOutcomePerFileAndDecoder()
    {
        string[] decoders = [TestDecoders.Skia, TestDecoders.ImageSharp, TestDecoders.Default];
        var table = new StringBuilder(
            "| file | expected | SkiaSharp | ImageSharp | default |\n|---|---|---|---|---|\n");
        var failures = decoders.ToDictionary(name => name, _ => 0);
        foreach (EdgeCase edge in ImageCorpus.Edge)
        {
            byte[] bytes = File.ReadAllBytes(ImageCorpus.EdgePath(edge.File));
            table.Append($"| {edge.File} | {edge.Expected} |");
            foreach (string name in decoders)
            {
                DecodeOutcome outcome = DecodeOutcome.Of(TestDecoders.Create(name), bytes);
                string? violation = EdgeExpectations.Violation(edge, name, outcome);
                failures[name] += violation is null ? 0 : 1;
                table.Append($" {outcome}{(violation is null ? string.Empty : " **(mismatch)**")} |");
            }

            table.Append('\n');
        }

        output.WriteLine(table.ToString());
        output.WriteLine(string.Join(", ", failures.Select(pair => $"{pair.Key}: {pair.Value} mismatches")));
    }

    [BenchmarkFact]
    public void Speed_RealCorpus_PrintsImagesPerSecond()
    {
        List<(RealImage Image, byte[] Bytes)> all = ImageCorpus.Real
            .Select(image => (image, File.ReadAllBytes(ImageCorpus.RealPath(image.File))))
            .ToList();
        var largeJpegs = all
            .Where(item => item.Image.Format == "JPEG")
            .Where(item => Math.Min(item.Image.Width, item.Image.Height) >= LargeJpegShortSide)
            .ToList();
        var reduced = ImageDecodeRequest.Default with { MinimumShortSide = ClipInputSize };

        output.WriteLine(
            "| decoder | set | request | images | images/s (wall) | images/s (CPU) | source megapixels/s (CPU) |\n" +
            "|---|---|---|---|---|---|---|");
        foreach (string name in new[] { TestDecoders.Default, TestDecoders.ImageSharp })
        {
            IImageDecoder decoder = TestDecoders.Create(name);
            Measure(decoder, "all real", all, ImageDecodeRequest.Default, "full size");
            Measure(decoder, "large JPEG", largeJpegs, ImageDecodeRequest.Default, "full size");
            Measure(decoder, "large JPEG", largeJpegs, reduced, $"MinimumShortSide={ClipInputSize}");
        }
    }

    private void Measure(
        IImageDecoder decoder,
        string set,
        List<(RealImage Image, byte[] Bytes)> files,
        ImageDecodeRequest request,
        string label)
    {
        DecodeAll(decoder, files, request);

        // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < TimedPasses; pass++)
        {
            DecodeAll(decoder, files, request);
        }

        clock.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double images = files.Count * TimedPasses;
        double megapixels = files.Sum(item => (double)item.Image.Width * item.Image.Height) * TimedPasses / 1e6;
        double wallRate = images / clock.Elapsed.TotalSeconds;
        output.WriteLine($"| {decoder.Name} | {set} | {label} | {files.Count} | {wallRate:0.0} " +
            $"| {images / cpuSeconds:0.0} | {megapixels / cpuSeconds:0.0} |");
    }

    private static void DecodeAll(
        IImageDecoder decoder, List<(RealImage Image, byte[] Bytes)> files, ImageDecodeRequest request)
    {
        foreach ((RealImage _, byte[] bytes) in files)
        {
            using DecodedImage image = decoder.Decode(bytes, request, CancellationToken.None);
        }
    }
}
