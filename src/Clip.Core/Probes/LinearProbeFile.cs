using System.Text.Json;

namespace Clip.Core.Probes;

/// <summary>
/// Reads and writes linear probes as JSON: <c>format</c> (<see cref="FormatName"/>), <c>version</c>,
/// <c>model_name</c>, <c>model_content_hash</c>, <c>features</c>, <c>embedding_dimension</c>, <c>lambda</c>,
/// <c>classes</c>, <c>weights</c> (one array per class), <c>bias</c> and <c>cross_validated_accuracy</c> (or
/// null). Floats are written in their shortest round-trip form, so a saved probe loads bit for bit.
/// </summary>
public static class LinearProbeFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "clip-linear-probe";

    /// <summary>The layout version written.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Writes <paramref name="probe"/> to <paramref name="path"/>, replacing the file.</summary>
    public static void Write(LinearProbe probe, string path)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        int dimension = probe.Dimension;
        float[] weights = probe.Weights.ToArray();
        var document = new LinearProbeDocument(
            FormatName,
            CurrentVersion,
            probe.Source.ModelName,
            probe.Source.ModelContentHash,
            probe.Source.Features,
            dimension,
            probe.Lambda,
            probe.Classes,
            weights.Chunk(dimension).ToArray(),
            probe.Bias.ToArray(),
            probe.CrossValidatedAccuracy);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(document, Options));
    }

    /// <summary>
    /// Reads a probe. Throws <see cref="FileNotFoundException"/> for a missing file and
    /// <see cref="FormatException"/> naming the file and the problem for anything else wrong with it.
    /// </summary>
    public static LinearProbe Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The linear probe file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads a probe from the JSON text of a probe file; <paramref name="source"/> names it in messages. Throws
    /// <see cref="FormatException"/> naming the source and the problem for anything wrong with it.
    /// </summary>
    public static LinearProbe Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        LinearProbeDocument document;
        try
        {
            document = JsonSerializer.Deserialize<LinearProbeDocument>(json, Options)
                ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{source}' is not a linear probe file: {e.Message}", e);
        }

        return ToProbe(document, source);
    }

    private static LinearProbe ToProbe(LinearProbeDocument document, string source)
    {
        if (document.Format != FormatName || document.Version != CurrentVersion)
        {
            throw new FormatException(
                $"'{source}' is '{document.Format}' version {document.Version}; expected '{FormatName}' " +
                $"version {CurrentVersion}.");
        }

        int wrongRow = document.Weights.ToList()
            .FindIndex(row => row is null || row.Length != document.EmbeddingDimension);
        if (document.Weights.Count != document.Classes.Count || wrongRow >= 0)
        {
            throw new FormatException(
                $"'{source}' must hold one weight row of embedding_dimension = {document.EmbeddingDimension} floats " +
                $"per class ({document.Classes.Count}); it has {document.Weights.Count} rows" +
                (wrongRow >= 0 ? $", row {wrongRow} of {document.Weights[wrongRow]?.Length ?? 0}." : "."));
        }

        try
        {
            var features = new FeatureSource(
                document.ModelName,
                document.ModelContentHash,
                document.Features,
                document.EmbeddingDimension);
            return new LinearProbe(
                document.Classes,
                document.Weights.SelectMany(row => row).ToArray(),
                document.Bias,
                document.Lambda,
                features,
                document.CrossValidatedAccuracy);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{source}' holds an unusable probe: {e.Message}", e);
        }
    }
}
