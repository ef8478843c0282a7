using Clip.Cli.Common;
using Clip.Core.Embeddings;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// Embeds the images of an evaluation data set with the command's parallel decoder. An image that cannot be read
/// is left out and listed, so a few broken files do not stop a long evaluation.
/// </summary>
internal sealed class EvaluationImages
{
    private const int ProgressEvery = 1000;

    private readonly ClipModel _model;
    private readonly ImageDecodingOptions _decoding;
    private readonly bool _verbose;

    public EvaluationImages(ClipModel model, ImageDecodingOptions decoding, bool verbose)
    {
        _model = model;
        _decoding = decoding;
        _verbose = verbose;
    }

    /// <summary>The features these embeddings are.</summary>
    public FeatureSource Source => FeatureSource.ImageEmbeddings(_model);

    /// <summary>The embeddings of the readable files, with their input positions, and the failures.</summary>
    public async Task<ImageFileEmbeddings> EmbedAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var embedder = new ImageEmbedder(_model, ImageLoading.Create(_decoding, _verbose));
        var values = new List<float>();
        var embedded = new List<int>();
        var failures = new List<ImageFileFailure>();
        int position = 0;
        await foreach (ImageResult result in embedder.EmbedAsync(paths, cancellationToken))
        {
            if (result.Embedding is { } embedding)
            {
                values.AddRange(embedding);
                embedded.Add(position);
            }
            else
            {
                failures.Add(new ImageFileFailure(result.Path, result.Error ?? "unreadable"));
            }

            position++;
            if (_verbose && (position % ProgressEvery == 0 || position == paths.Count))
            {
                await Console.Error.WriteLineAsync($"clip: {position} of {paths.Count} images embedded");
            }
        }

        return new ImageFileEmbeddings(new EmbeddingBatch([.. values], _model.EmbeddingDimension), embedded, failures);
    }

    /// <summary>The readable images of a class-folder data set with their classes.</summary>
    public async Task<ClassFolderEmbeddings> EmbedAsync(ClassFolderDataset data, CancellationToken cancellationToken)
    {
        ImageFileEmbeddings images = await EmbedAsync(data.Paths, cancellationToken);
        var labelled = new LabeledEmbeddings(
            images.Embeddings,
            images.Embedded.Select(i => data.Labels[i]).ToArray(),
            data.Classes);
        string[] paths = images.Embedded.Select(i => data.Paths[i]).ToArray();
        return new ClassFolderEmbeddings(labelled, paths, images.Failures);
    }

    /// <summary>The memes whose image is readable, with image and text embeddings.</summary>
    public async Task<HatefulMemeEmbeddings> EmbedAsync(HatefulMemesDataset data, CancellationToken cancellationToken)
    {
        ImageFileEmbeddings images = await EmbedAsync(
            data.Memes.Select(meme => meme.ImagePath).ToArray(),
            cancellationToken);
        HatefulMeme[] memes = images.Embedded.Select(i => data.Memes[i]).ToArray();
        EmbeddingBatch texts = _model.TextEncoder.Encode(memes.Select(meme => meme.Text).ToArray(), cancellationToken);
        return new HatefulMemeEmbeddings(memes, images.Embeddings, texts, images.Failures, Source);
    }
}
