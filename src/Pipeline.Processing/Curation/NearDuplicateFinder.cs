using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Finds groups of near-duplicate images of one model: the k nearest images of every image through the HNSW
/// index, the pairs at or above the threshold merged transitively with union-find, and stores them in
/// <c>duplicate_groups</c> in place of the model's previous groups.
/// </summary>
public sealed class NearDuplicateFinder
{
    private readonly CurationStore _store;

    /// <summary>Creates the finder.</summary>
    public NearDuplicateFinder(CurationStore store) => _store = store;

    /// <summary>Finds the groups, stores them and returns them, largest first.</summary>
    // Limitation: the index search is approximate, so a pair that the index misses can leave two halves of a
    // group apart; raising Neighbours (and with it the candidate list) narrows that.
    public async Task<IReadOnlyList<DuplicateGroup>> RefreshAsync(
        ModelRecord model,
        NearDuplicateOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var sets = new UnionFind();
        var best = new Dictionary<long, double>();
        var uris = new Dictionary<long, string>();
        long after = 0;
        while (true)
        {
            var page = await _store.Neighbours.ListPageAsync(model, after, options.PageSize, options.Neighbours,
                cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (ImageNeighbours image in page)
            {
                uris[image.ImageId] = image.SourceUri;
                foreach (Neighbour near in image.Neighbours.Where(n => n.Similarity >= options.Threshold))
                {
                    sets.Union(image.ImageId, near.ImageId);
                    Keep(best, image.ImageId, near.Similarity);
                    Keep(best, near.ImageId, near.Similarity);
                }
            }

            after = page[^1].ImageId;
        }

        var groups = sets.Sets()
            .OrderByDescending(members => members.Count)
            .ThenBy(members => members[0])
            .Select((members, i) => new DuplicateGroup(
                i + 1,
                members.Select(id => new DuplicateMember(id, uris.GetValueOrDefault(id, string.Empty), best[id]))
                    .ToList()))
            .ToList();
        await _store.Duplicates.ReplaceAsync(model, options.Threshold, groups, cancellationToken)
            .ConfigureAwait(false);
        return groups;
    }

    private static void Keep(Dictionary<long, double> best, long image, double similarity)
    {
        if (!best.TryGetValue(image, out double known) || similarity > known)
        {
            best[image] = similarity;
        }
    }
}
