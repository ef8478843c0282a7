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
    private const int TimedPasses = 7;
    private const int LargeJpegShortSide = 1000;
    private const int ClipInputSize = 224;

    [BenchmarkFact]
    public void Robustness_EdgeCorpus_PrintsOutcomePerFileAndDecoder()
    {
        string[] decoders = [TestDecoders.Skia, TestDecoders.ImageSharp, TestDecoders.TurboJpeg, TestDecoders.Default];
        var table = new StringBuilder(
            "| file | expected | SkiaSharp | ImageSharp | TurboJpeg | default |\n|---|---|---|---|---|---|\n");
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
            "| decoder | set | request | images | images/s (wall) | images/s (CPU) | source megapixels/s (wall) |\n" +
            "|---|---|---|---|---|---|---|");
        foreach (string name in new[] { TestDecoders.SkiaChain, TestDecoders.TurboJpeg, TestDecoders.ImageSharp })
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

        // Best of several passes, by wall time and by process CPU time: on a shared machine a pass also pays for
        // other people's work, and the fastest pass is the least disturbed one.
        using var process = Process.GetCurrentProcess();
        double bestWall = double.MaxValue;
        double bestCpu = double.MaxValue;
        for (int pass = 0; pass < TimedPasses; pass++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            DecodeAll(decoder, files, request);
            bestWall = Math.Min(bestWall, clock.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        double megapixels = files.Sum(item => (double)item.Image.Width * item.Image.Height) / 1e6;
        output.WriteLine($"| {decoder.Name} | {set} | {label} | {files.Count} | {files.Count / bestWall:0.0} " +
            $"| {files.Count / bestCpu:0.0} | {megapixels / bestWall:0.0} |");
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
