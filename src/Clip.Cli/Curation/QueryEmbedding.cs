using Clip.Cli.Common;
using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Curation;

/// <summary>The embedding a search starts from: a stored image's own, or a text or image file encoded now.</summary>
internal static class QueryEmbedding
{
    /// <summary>The query and, for a stored image, that image's id (left out of the hits).</summary>
    public static async Task<(float[] Query, long? Exclude)> ResolveAsync(
        CurationDatabase database,
        ModelRecord model,
        string? text,
        string? image,
        DirectoryInfo? modelDirectory,
        CancellationToken cancellationToken)
    {
        if (image is not null && await database.Storage.Images.FindIdAsync(image, cancellationToken) is { } id)
        {
            float[] stored = await database.Storage.Embeddings.FindAsync(model, id, cancellationToken)
                ?? throw new CliException($"{image} has no embedding of {model.Name}.");
            return (stored, id);
        }

        using QueryEncoder encoder = Load(model, modelDirectory);
        if (text is not null)
        {
            return (encoder.EncodeText(text, cancellationToken), null);
        }

        if (!File.Exists(image))
        {
            throw new CliException($"{image} is neither a stored image URI nor an image file.");
        }

        return (await encoder.EncodeImageFileAsync(image, cancellationToken), null);
    }

    /// <summary>Loads the model folder and checks that it holds the files <paramref name="model"/> came from.</summary>
    public static QueryEncoder Load(ModelRecord model, DirectoryInfo? modelDirectory)
    {
        var encoder = QueryEncoder.Load(DefaultModel.Resolve(modelDirectory));
        try
        {
            encoder.EnsureMatches(model);
            return encoder;
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }
}
