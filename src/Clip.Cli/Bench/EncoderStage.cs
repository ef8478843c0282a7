using Clip.Core.Embeddings;
using Clip.Core.Models;

namespace Clip.Cli.Bench;

/// <summary>
/// The encoder limit: images per second of the bare image encoder (ONNX Runtime through
/// <see cref="ClipImageEncoder.Encode"/>) on pre-made tensors, per batch size. No decoding, no pipeline: the most
/// the product can reach with this model, these threads and this machine.
/// </summary>
internal sealed class EncoderStage : IBenchStage
{
    /// <summary>The batch sizes compared.</summary>
    public static readonly int[] BatchSizes = [1, 8, 32, 64];

    public string Name => "encoder";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tables = new List<BenchTable>();
        foreach (string modelDirectory in context.Models)
        {
            tables.Add(await MeasureAsync(context, modelDirectory, cancellationToken));
        }

        return tables;
    }

    /// <summary>Loads the model as the encoder stage measures it: one run for the largest batch, set threads.
    /// </summary>
    public static ClipModel Load(string modelDirectory, int threads, int maxBatchSize) =>
        ClipModel.Load(modelDirectory, new ClipModelOptions
        {
            MaxBatchSize = maxBatchSize,
            IntraOpThreads = threads,
            ExecutionProvider = ExecutionProviderPreference.Cpu,
        });

    /// <summary>A variant that encodes <paramref name="batch"/> pre-made images per call.</summary>
    public static BenchVariant Variant(string name, ClipImageEncoder encoder, float[] pixels, int batch) =>
        BenchVariant.Looping(name, () =>
        {
            encoder.Encode(pixels.AsSpan(0, batch * encoder.ValuesPerImage), batch);
            return batch;
        });

    private static async Task<BenchTable> MeasureAsync(
        BenchContext context,
        string modelDirectory,
        CancellationToken cancellationToken)
    {
        int largest = BatchSizes.Max();
        using ClipModel model = Load(modelDirectory, context.Settings.Threads, largest);
        ClipImageEncoder encoder = model.ImageEncoder;
        float[] pixels = RandomPixels.Create(largest, encoder.ValuesPerImage);
        var variants = BatchSizes.Select(b => Variant($"batch {b}", encoder, pixels, b)).ToList();
        context.Log.Write($"encoder: {model.Name}, warming up");
        encoder.Encode(pixels, largest, cancellationToken);

        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);
        var table = new BenchTable(
            $"Encoder limit: {model.Name} ({context.Settings.Threads} threads)",
            "batch", "images/s", "ms per batch", "ratio to batch 1");
        foreach (int batch in BatchSizes)
        {
            double rate = result.Median($"batch {batch}");
            table.AddRow(
                batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                BenchFormat.Rate(rate),
                BenchFormat.Milliseconds(1000 * batch / rate),
                BenchFormat.Ratio(result.Ratio($"batch {batch}", "batch 1")));
        }

        table.AddNote($"Image encoder alone on random {encoder.ImageHeight}x{encoder.ImageWidth} tensors, " +
            $"embedding size {encoder.EmbeddingDimension}; medians of {context.Settings.Rounds} interleaved rounds.");
        return table;
    }
}
