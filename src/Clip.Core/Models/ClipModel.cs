using Clip.Core.Embeddings;
using Clip.Core.Imaging.Preprocessing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clip.Core.Models;

/// <summary>
/// A CLIP model loaded from a folder in the Hugging Face export layout: its image and text encoders, the
/// preprocessing its images need, and the logit scale for zero-shot scores. Dispose it to release the sessions.
/// </summary>
public sealed class ClipModel : IDisposable
{
    private readonly IReadOnlyList<IDisposable> _resources;
    private int _disposed;

    internal ClipModel(
        ClipModelInfo info,
        ClipModelConfig config,
        PreprocessorSettings preprocessing,
        ClipImageEncoder imageEncoder,
        ClipTextEncoder textEncoder,
        IReadOnlyList<IDisposable> resources)
    {
        Info = info;
        Config = config;
        Preprocessing = preprocessing;
        ImageEncoder = imageEncoder;
        TextEncoder = textEncoder;
        _resources = resources;
    }

    /// <summary>The model folder's name, e.g. <c>clip-mini</c>.</summary>
    public string Name => Info.Name;

    /// <summary>What a model registry records about the model, including its content hash.</summary>
    public ClipModelInfo Info { get; }

    /// <summary>The model's <c>config.json</c>.</summary>
    public ClipModelConfig Config { get; }

    /// <summary>Floats per embedding, the same for both towers.</summary>
    public int EmbeddingDimension => Info.EmbeddingDimension;

    /// <summary>Multiplier of cosine similarities before a softmax (CLIP: 100).</summary>
    public float LogitScale => Info.LogitScale;

    /// <summary>Embeds preprocessed images.</summary>
    public ClipImageEncoder ImageEncoder { get; }

    /// <summary>Embeds token ids or texts.</summary>
    public ClipTextEncoder TextEncoder { get; }

    internal PreprocessorSettings Preprocessing { get; }

    /// <summary>How images are preprocessed for this model, from its <c>preprocessor_config.json</c>.</summary>
    public ImagePreprocessingSpec PreprocessingSpec => new()
    {
        ShortestEdge = Preprocessing.ShortestEdge,
        CropWidth = Preprocessing.CropWidth,
        CropHeight = Preprocessing.CropHeight,
        Mean = new ChannelTriple(Preprocessing.Mean[0], Preprocessing.Mean[1], Preprocessing.Mean[2]),
        Std = new ChannelTriple(Preprocessing.Std[0], Preprocessing.Std[1], Preprocessing.Std[2]),
    };

    /// <summary>
    /// Loads the model in <paramref name="directory"/>. Throws <see cref="ClipModelException"/> naming the file
    /// when the folder is incomplete or its graphs are not a CLIP export, and <see cref="ArgumentException"/> when
    /// <paramref name="options"/> has a bad setting. Logs one line that names the execution provider chosen.
    /// </summary>
    public static ClipModel Load(string directory, ClipModelOptions? options = null, ILogger? logger = null) =>
        ClipModelLoader.Load(
            directory,
            options ?? new ClipModelOptions(),
            logger ?? NullLogger.Instance,
            TokenizerSource.Load);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (IDisposable resource in _resources)
        {
            resource.Dispose();
        }
    }
}
