using Clip.Core.Embeddings;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;

namespace Clip.Cli.Bench;

/// <summary>
/// How far reduced-size JPEG decoding moves the result from the exact path: the resized RGB pixels and the
/// embeddings of each model, image by image.
/// </summary>
internal sealed class DecodeAgreement(BenchContext context, IReadOnlyList<string> jpegs, int reducedShortSide)
{
    public BenchTable Measure(IReadOnlyList<ImageDecoderKind> decoders)
    {
        var table = new BenchTable(
            $"Reduced-size JPEG decoding (MinimumShortSide = {reducedShortSide}) against the exact path",
            "decoder", "model", "mean abs pixel diff (0-255)", "max abs pixel diff", "cosine mean", "cosine min");
        foreach (string modelDirectory in context.Models)
        {
            using ClipModel model = EncoderStage.Load(modelDirectory, context.Settings.Threads, maxBatchSize: 32);
            foreach (ImageDecoderKind decoder in decoders)
            {
                var exact = new PreparingLoop(DecodeStage.Options(decoder, reduced: false), jpegs);
                var reduced = new PreparingLoop(DecodeStage.Options(decoder, reduced: true), jpegs);
                (double meanDiff, int maxDiff) = PixelDifference(exact, reduced);
                float[] cosines = Cosines(model.ImageEncoder, exact, reduced);
                table.AddRow(decoder.ToString(), model.Name, BenchFormat.Number(meanDiff, 2),
                    maxDiff.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    BenchFormat.Number(cosines.Average(), 4), BenchFormat.Number(cosines.Min(), 4));
            }
        }

        table.AddNote($"Over {jpegs.Count} 1600x1200 JPEGs. Pixel differences are of the 224x224 crops before " +
            "normalisation; the cosine is between the embeddings of the two paths.");
        table.AddNote(string.Join(" ", context.Models.Select(WeightsNote)));
        return table;
    }

    private string WeightsNote(string modelDirectory) => context.HasRandomWeights(modelDirectory)
        ? $"{Path.GetFileName(modelDirectory)} has random weights: its cosine shows how far a change of input moves " +
            "an untrained network, not a trained one."
        : $"{Path.GetFileName(modelDirectory)} is a trained model.";

    private (double Mean, int Max) PixelDifference(PreparingLoop exact, PreparingLoop reduced)
    {
        long sum = 0;
        long count = 0;
        int max = 0;
        foreach (string file in jpegs)
        {
            byte[] a = exact.Rgb(file);
            byte[] b = reduced.Rgb(file);
            for (int i = 0; i < a.Length; i++)
            {
                int difference = Math.Abs(a[i] - b[i]);
                sum += difference;
                max = Math.Max(max, difference);
            }

            count += a.Length;
        }

        return ((double)sum / count, max);
    }

    private float[] Cosines(ClipImageEncoder encoder, PreparingLoop exact, PreparingLoop reduced) =>
        jpegs.Select(file =>
        {
            EmbeddingBatch a = encoder.Encode(exact.Tensor(file), 1);
            EmbeddingBatch b = encoder.Encode(reduced.Tensor(file), 1);
            return VectorMath.Dot(a.Row(0), b.Row(0));
        }).ToArray();
}
