using Clip.Core.Embeddings;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Text;
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
        ImagePreprocessingSpec preprocessingSpec,
        ClipTokenizer tokenizer,
        ClipImageEncoder imageEncoder,
        ClipTextEncoder textEncoder,
        IReadOnlyList<IDisposable> resources)
    {
        Info = info;
        Config = config;
        PreprocessingSpec = preprocessingSpec;
        Tokenizer = tokenizer;
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

    /// <summary>How images must be resized, cropped and normalised for the image encoder.</summary>
    public ImagePreprocessingSpec PreprocessingSpec { get; }

    /// <summary>The model's tokenizer, producing rows of <see cref="ClipModelInfo.ContextLength"/> ids.</summary>
    public ClipTokenizer Tokenizer { get; }

    /// <summary>
    /// Loads the model in <paramref name="directory"/>. Throws <see cref="ClipModelException"/> naming the file
    /// when the folder is incomplete or its graphs are not a CLIP export, and <see cref="ArgumentException"/> when
    /// <paramref name="options"/> has a bad setting. Logs one line that names the execution provider chosen.
    /// </summary>
    public static ClipModel Load(string directory, ClipModelOptions? options = null, ILogger? logger = null) =>
        ClipModelLoader.Load(directory, options ?? new ClipModelOptions(), logger ?? NullLogger.Instance);

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
