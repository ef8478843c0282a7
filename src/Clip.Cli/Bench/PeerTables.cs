using Clip.Core.Embeddings;

namespace Clip.Cli.Bench;

/// <summary>The tables of the peer stage: rates with ratios, and per-image agreement of the embeddings.</summary>
internal static class PeerTables
{
    public static BenchTable Rates(
        BenchContext context,
        string modelName,
        InterleavedResult result,
        IReadOnlyList<BenchVariant> variants,
        int imageCount)
    {
        var table = new BenchTable(
            $"Ours against transformers.js: {modelName} ({context.Settings.Threads} threads, {imageCount} real images)",
            "implementation", "images/s", "ratio to transformers.js batch 1", "ratio to transformers.js best");
        string peerSingle = variants[2].Name;
        string peerBest = result.Median(variants[2].Name) >= result.Median(variants[3].Name)
            ? variants[2].Name
            : variants[3].Name;
        foreach (BenchVariant variant in variants)
        {
            table.AddRow(variant.Name, BenchFormat.Rate(result.Median(variant.Name)),
                BenchFormat.Ratio(result.Ratio(variant.Name, peerSingle)),
                BenchFormat.Ratio(result.Ratio(variant.Name, peerBest)));
        }

        double best = Math.Max(result.Ratio(variants[0].Name, peerBest), result.Ratio(variants[1].Name, peerBest));
        table.AddNote($"Reading, decoding, preprocessing and the image encoder on both sides; CPU. Best of ours " +
            $"over best of transformers.js: {BenchFormat.Ratio(best)} (goal >= {PeerStage.Goal:F0}x).");
        table.AddNote("Ours is ImageEmbedder (clip embed): a batch is decoded in parallel, then encoded in one run. " +
            "transformers.js decodes with sharp and preprocesses in JavaScript, one batch after another.");
        return table;
    }

    public static BenchTable Agreement(
        string modelName,
        bool randomWeights,
        IReadOnlyDictionary<string, float[]> ours,
        IReadOnlyDictionary<string, (float[]? Embedding, string? Error)> theirs)
    {
        var cosines = new List<(string File, float Cosine)>();
        var failures = new List<string>();
        foreach ((string file, (float[]? embedding, string? error)) in theirs)
        {
            if (embedding is null)
            {
                failures.Add($"{Path.GetFileName(file)} ({error})");
            }
            else if (ours.TryGetValue(file, out float[]? mine))
            {
                cosines.Add((file, VectorMath.Dot(mine, embedding)));
            }
        }

        var table = new BenchTable(
            $"Embedding agreement, ours against transformers.js: {modelName}",
            "images compared", "cosine mean", "cosine median", "cosine min", "lowest");
        if (cosines.Count > 0)
        {
            string lowest = string.Join(", ", cosines.OrderBy(c => c.Cosine).Take(3)
                .Select(c => $"{Path.GetFileName(c.File)} {BenchFormat.Number(c.Cosine, 3)}"));
            table.AddRow(cosines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                BenchFormat.Number(cosines.Average(c => c.Cosine), 4),
                BenchFormat.Number(Statistics.Median(cosines.Select(c => (double)c.Cosine)), 4),
                BenchFormat.Number(cosines.Min(c => c.Cosine), 4), lowest);
        }

        table.AddNote(failures.Count == 0
            ? "transformers.js read every image."
            : $"transformers.js failed on {failures.Count}: {string.Join("; ", failures)}.");
        table.AddNote("Both sides apply the EXIF orientation. Ours composites transparent images on white; " +
            "transformers.js drops the alpha channel." + (randomWeights ? " The model has random weights." : ""));
        return table;
    }
}
