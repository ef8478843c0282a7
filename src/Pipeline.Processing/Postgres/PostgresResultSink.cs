using System.Collections.Concurrent;
using System.Text.Json;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Results;

namespace Pipeline.Processing.Postgres;

/// <summary>
/// Writes a batch's results to PostgreSQL: images (upserted by URI), embeddings (binary COPY, one row per image
/// and model), labels per label set, and per-image errors. Every write replaces what a redelivered batch wrote
/// before, so a batch written twice leaves one copy.
/// </summary>
public sealed class PostgresResultSink : IResultSink
{
    private readonly PostgresStorage _storage;
    private readonly ConcurrentDictionary<string, ModelRecord> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _labelSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _policies = new(StringComparer.Ordinal);

    /// <summary>Creates the sink.</summary>
    public PostgresResultSink(PostgresStorage storage)
    {
        _storage = storage;
    }

    /// <inheritdoc />
    public async Task WriteBatchAsync(BatchResult batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ModelRecord model = await ModelAsync(batch.ModelName, cancellationToken).ConfigureAwait(false);

        var embedded = batch.Images.Where(i => i.Succeeded).ToList();
        var observations = embedded
            .Select(i => new ImageObservation(i.Uri, Convert.FromHexString(i.ContentSha256!), i.ByteSize, i.Width,
                i.Height))
            .ToList();
        var ids = await _storage.Images.UpsertAsync(observations, cancellationToken).ConfigureAwait(false);

        var embeddings = embedded.Select(i => new ImageEmbedding(ids[i.Uri], i.Embedding!)).ToList();
        if (embeddings.Count > 0)
        {
            await _storage.Embeddings.WriteAsync(model, embeddings, cancellationToken).ConfigureAwait(false);
        }

        await WriteLabelsAsync(model, embedded, ids, cancellationToken).ConfigureAwait(false);
        await WriteModerationAsync(model, embedded, ids, cancellationToken).ConfigureAwait(false);

        var errors = batch.Images
            .Where(i => i.Failure is not null)
            .Select(i => new ImageError(batch.JobId, i.Uri, i.Failure!.Kind, i.Failure.Reason))
            .ToList();
        if (errors.Count > 0)
        {
            await _storage.ImageErrors.WriteAsync(errors, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WriteLabelsAsync(
        ModelRecord model,
        List<ImageResult> embedded,
        IReadOnlyDictionary<string, long> ids,
        CancellationToken cancellationToken)
    {
        var bySet = embedded
            .SelectMany(i => i.Labels.Select(l => (Image: i, Label: l)))
            .GroupBy(x => x.Label.LabelSet, StringComparer.Ordinal);
        foreach (var set in bySet)
        {
            int labelSetId = await DefinitionIdAsync(_labelSets, set.Key, isPolicy: false, cancellationToken)
                .ConfigureAwait(false);
            var rows = set
                .GroupBy(x => x.Image.Uri, StringComparer.Ordinal)
                .Select(g => new ImageLabels(
                    ids[g.Key],
                    g.OrderBy(x => x.Label.Rank).Select(x => new LabelScore(x.Label.Label, x.Label.Score)).ToList()))
                .ToList();
            await _storage.Labels.WriteAsync(model.Id, labelSetId, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteModerationAsync(
        ModelRecord model,
        List<ImageResult> embedded,
        IReadOnlyDictionary<string, long> ids,
        CancellationToken cancellationToken)
    {
        var byPolicy = embedded
            .SelectMany(i => i.ModerationList.Select(m => (Image: i, Score: m)))
            .GroupBy(x => x.Score.Policy, StringComparer.Ordinal);
        foreach (var policy in byPolicy)
        {
            int policyId = await DefinitionIdAsync(_policies, policy.Key, isPolicy: true, cancellationToken)
                .ConfigureAwait(false);
            var rows = policy
                .Select(x => new ModerationResult(ids[x.Image.Uri], x.Score.Score, x.Score.Decision))
                .ToList();
            await _storage.Moderation.WriteAsync(model.Id, policyId, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ModelRecord> ModelAsync(string name, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue(name, out ModelRecord? model))
        {
            return model;
        }

        model = await _storage.Models.FindLatestAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Model '{name}' is not registered in the database.");
        return _models.GetOrAdd(name, model);
    }

    private async Task<int> DefinitionIdAsync(
        ConcurrentDictionary<string, int> cache,
        string name,
        bool isPolicy,
        CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(name, out int id))
        {
            return id;
        }

        // The job store records the full definition when a job is submitted; a name first seen here gets a row
        // that names it, so that its results can be stored.
        DefinitionRepository definitions = _storage.Definitions;
        NamedDefinition? found = isPolicy
            ? await definitions.FindPolicyAsync(name, cancellationToken).ConfigureAwait(false)
            : await definitions.FindLabelSetAsync(name, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            string json = JsonSerializer.Serialize(new { name });
            found = isPolicy
                ? await definitions.SavePolicyAsync(name, json, cancellationToken).ConfigureAwait(false)
                : await definitions.SaveLabelSetAsync(name, json, cancellationToken).ConfigureAwait(false);
        }

        return cache.GetOrAdd(name, found.Id);
    }
}
