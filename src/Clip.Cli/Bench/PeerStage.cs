using System.Diagnostics;
using Clip.Cli.Common;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;

namespace Clip.Cli.Bench;

/// <summary>
/// Ours against transformers.js: images per second of the image tower with each side's own reading, decoding and
/// preprocessing, on the same model folder and real photos, and how far apart the embeddings of each image are.
/// </summary>
internal sealed class PeerStage : IBenchStage
{
    /// <summary>The goal: ours embeds at least this many times as many images per second.</summary>
    public const double Goal = 3;

    private const int OursBatch = 32;
    private const int PeerBatch = 8;

    public string Name => "peer";

    public async Task<IReadOnlyList<BenchTable>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        string folder = TransformersJsPeer.Folder(context);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@huggingface", "transformers")))
        {
            var skipped = new BenchTable("Peer (transformers.js): skipped");
            skipped.AddNote($"transformers.js is not installed: run `npm ci` in {folder}.");
            return [skipped];
        }

        string[] images = BenchImages.RealImages(context);
        string listFile = Path.Combine(context.Workspace.Root, "peer-images.txt");
        await File.WriteAllLinesAsync(listFile, images, cancellationToken);
        var tables = new List<BenchTable>();
        foreach (string modelDirectory in context.Models)
        {
            tables.AddRange(await MeasureAsync(context, modelDirectory, images, listFile, cancellationToken));
        }

        return tables;
    }

    private static async Task<IReadOnlyList<BenchTable>> MeasureAsync(
        BenchContext context,
        string modelDirectory,
        string[] images,
        string listFile,
        CancellationToken cancellationToken)
    {
        using ClipModel single = EncoderStage.Load(modelDirectory, context.Settings.Threads, maxBatchSize: 1);
        using ClipModel batched = EncoderStage.Load(modelDirectory, context.Settings.Threads, OursBatch);
        var loader = new ImageLoader(new ImageDecodingOptions());
        var peer = new TransformersJsPeer(context, modelDirectory, listFile);
        BenchVariant[] variants =
        [
            Ours("ours, batch 1", new ImageEmbedder(single, loader), images),
            Ours($"ours, batch {OursBatch}", new ImageEmbedder(batched, loader), images),
            peer.Variant("transformers.js, batch 1", 1),
            peer.Variant($"transformers.js, batch {PeerBatch}", PeerBatch),
        ];
        context.Log.Write($"peer: {batched.Name}, {images.Length} images");
        InterleavedResult result = await InterleavedRun.RunAsync(
            variants, context.Settings.Rounds, context.Settings.Slice, context.Log, cancellationToken);

        var ours = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await foreach (ImageResult image in new ImageEmbedder(batched, loader).EmbedAsync(images, cancellationToken))
        {
            if (image.Embedding is not null)
            {
                ours[image.Path] = image.Embedding;
            }
        }

        return
        [
            PeerTables.Rates(context, batched.Name, result, variants, images.Length),
            PeerTables.Agreement(batched.Name, context.HasRandomWeights(modelDirectory), ours, peer.ReadEmbeddings()),
        ];
    }

    private static BenchVariant Ours(string name, ImageEmbedder embedder, string[] images) =>
        new(name, async (slice, token) =>
        {
            long count = 0;
            var clock = Stopwatch.StartNew();
            do
            {
                await foreach (ImageResult result in embedder.EmbedAsync(images, token))
                {
                    count += result.Embedding is null ? 0 : 1;
                }
            }
            while (clock.Elapsed < slice);

            return count / clock.Elapsed.TotalSeconds;
        });
}
