using Clip.Core.Imaging.Decoding;

namespace Clip.Cli.Bench;

/// <summary>
/// Decode and preprocess per core: each decoder, with and without reduced-size JPEG decoding, on 1600x1200 JPEGs
/// and PNGs, side by side with Pillow and numpy on the same files, all single-threaded and in alternation. TurboJPEG
/// runs the JPEG rows only (it hands PNG to SkiaSharp), and only where libturbojpeg is installed.
/// </summary>
internal sealed class DecodeStage : IBenchStage
{
    /// <summary>The short side reduced-size JPEG decoding keeps at least: CLIP's input size.</summary>
    public const int ReducedShortSide = 224;

    /// <summary>The goal: ours is at least this many times Pillow's rate per core.</summary>
    public const double Goal = 2;

    private static readonly ImageDecoderKind[] AllDecoders =
        [ImageDecoderKind.SkiaSharp, ImageDecoderKind.TurboJpeg, ImageDecoderKind.ImageSharp];

    public string Name => "decode";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> jpegs = await BenchImages.PhotosAsync(context, "jpeg", cancellationToken);
        IReadOnlyList<string> pngs = await BenchImages.PhotosAsync(context, "png", cancellationToken);
        var variants = new List<BenchVariant>
        {
            PillowPeer.Variant(context, "Pillow JPEG", Path.GetDirectoryName(jpegs[0])!, draft: false),
            PillowPeer.Variant(context, "Pillow JPEG draft", Path.GetDirectoryName(jpegs[0])!, draft: true),
            PillowPeer.Variant(context, "Pillow PNG", Path.GetDirectoryName(pngs[0])!, draft: false),
        };
        IReadOnlyList<ImageDecoderKind> decoders = Available();
        foreach (ImageDecoderKind decoder in decoders)
        {
            variants.Add(Ours(decoder, "JPEG", jpegs, reduced: false));
            variants.Add(Ours(decoder, "JPEG reduced", jpegs, reduced: true));
            if (ReadsPngItself(decoder))
            {
                variants.Add(Ours(decoder, "PNG", pngs, reduced: false));
            }
        }

        context.Log.Write($"decode: {jpegs.Count} JPEGs and {pngs.Count} PNGs of 1600x1200, one thread each");
        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);

        var agreement = new DecodeAgreement(context, jpegs, ReducedShortSide);
        return [RateTable(context, result, jpegs.Count, decoders), agreement.Measure(decoders)];
    }

    /// <summary>Decoding options of a decoder, at full size or reduced to CLIP's input size.</summary>
    public static ImageDecodingOptions Options(ImageDecoderKind decoder, bool reduced) => new()
    {
        Decoder = decoder,
        MinimumShortSide = reduced ? ReducedShortSide : null,
    };

    private static BenchVariant Ours(ImageDecoderKind decoder, string kind, IReadOnlyList<string> files, bool reduced)
    {
        var loop = new PreparingLoop(Options(decoder, reduced), files);
        loop.Next();
        return BenchVariant.Looping($"{decoder} {kind}", loop.Next);
    }

    // TurboJPEG is measured only where the library loads; Auto would silently be SkiaSharp elsewhere.
    private static IReadOnlyList<ImageDecoderKind> Available() => AllDecoders
        .Where(decoder => decoder != ImageDecoderKind.TurboJpeg
            || ImageDecoderFactory.Resolve(ImageDecoderKind.Auto) == ImageDecoderKind.TurboJpeg)
        .ToList();

    private static bool ReadsPngItself(ImageDecoderKind decoder) => decoder != ImageDecoderKind.TurboJpeg;

    private static BenchTable RateTable(
        BenchContext context, InterleavedResult result, int photos, IReadOnlyList<ImageDecoderKind> decoders)
    {
        var table = new BenchTable(
            "Decode + preprocess per core (1600x1200 photos, one thread)",
            "decoder", "format", "images/s per core", "ratio to Pillow, same mode", "ratio to Pillow full decode");
        (string Format, string Pillow, string Full)[] modes =
        [
            ("JPEG", "Pillow JPEG", "Pillow JPEG"),
            ("JPEG reduced", "Pillow JPEG draft", "Pillow JPEG"),
            ("PNG", "Pillow PNG", "Pillow PNG"),
        ];
        foreach ((string format, string pillow, string full) in modes)
        {
            table.AddRow("Pillow + numpy", format, BenchFormat.Rate(result.Median(pillow)), BenchFormat.Ratio(1),
                BenchFormat.Ratio(result.Ratio(pillow, full)));
            foreach (ImageDecoderKind decoder in decoders.Where(d => format != "PNG" || ReadsPngItself(d)))
            {
                string name = $"{decoder} {format}";
                table.AddRow(decoder.ToString(), format, BenchFormat.Rate(result.Median(name)),
                    BenchFormat.Ratio(result.Ratio(name, pillow)), BenchFormat.Ratio(result.Ratio(name, full)));
            }
        }

        table.AddNote($"{photos} photos per format, made at run time from the real photos; reading the file is " +
            "included. \"JPEG reduced\" is MinimumShortSide = 224 for ours and Image.draft for Pillow.");
        table.AddNote($"Goal: ours >= {Goal:F0}x Pillow per core. Medians of {context.Settings.Rounds} " +
            "interleaved rounds; ratios are taken within each round.");
        table.AddNote(decoders.Contains(ImageDecoderKind.TurboJpeg)
            ? "TurboJpeg (the system's libjpeg-turbo, as Pillow's) has no PNG row: it hands PNG to SkiaSharp."
            : "TurboJpeg not measured: libturbojpeg is not installed (Debian package libturbojpeg0).");
        return table;
    }
}
