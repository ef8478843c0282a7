using Clip.Cli.Common;
using Clip.Core.ZeroShot;
using Pipeline.Processing.Curation;
using Pipeline.Processing.LabelSets;
using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Clip.Cli.Curation;

/// <summary>The outliers of <c>clip search --outliers labels|neighbours</c>.</summary>
internal sealed class OutlierSearch(CurationStore store, ModelRecord model, DirectoryInfo? modelDirectory)
{
    /// <summary>Default highest label cosine below which an image fits no label.</summary>
    public const double DefaultLabelThreshold = 0.2;

    /// <summary>Default mean neighbour cosine below which an image looks like nothing else.</summary>
    public const double DefaultNeighbourThreshold = 0.5;

    public async IAsyncEnumerable<Outlier> FindAsync(
        string mode,
        FileInfo? labels,
        double? threshold,
        int neighbours,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var finder = new OutlierFinder(store);
        if (mode == "neighbours")
        {
            await foreach (Outlier o in finder.FarFromNeighboursAsync(model, neighbours,
                threshold ?? DefaultNeighbourThreshold, cancellationToken))
            {
                yield return o;
            }

            yield break;
        }

        if (labels is null)
        {
            throw new CliException("--outliers labels needs --labels FILE, the label set to compare with.");
        }

        using QueryEncoder encoder = QueryEmbedding.Load(model, modelDirectory);
        LabelSet set = LabelSetFile.Load(labels.FullName).ToLabelSet();
        var classifier = ZeroShotClassifier.Create(encoder.Model, set, cancellationToken: cancellationToken);
        await foreach (Outlier o in finder.FarFromLabelsAsync(model, classifier,
            threshold ?? DefaultLabelThreshold, cancellationToken))
        {
            yield return o;
        }
    }
}
