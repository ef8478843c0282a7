using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;

namespace Pipeline.Processing.Engine;

/// <summary>Settings of the CLIP engine a worker runs. Each part validates itself at start-up.</summary>
public sealed class ClipEngineOptions
{
    /// <summary>The model folder (Hugging Face export layout). Required.</summary>
    public string ModelDirectory { get; set; } = string.Empty;

    /// <summary>
    /// ONNX Runtime settings: execution provider, threads, largest run. By default the operator threads do not
    /// spin after a run (<see cref="ClipModelOptions.AllowSpinning"/> false): a worker decodes images on the same
    /// cores between runs.
    /// </summary>
    public ClipModelOptions Model { get; set; } = new() { AllowSpinning = false };

    /// <summary>
    /// Decoder choice (default Auto: TurboJPEG for JPEG when libturbojpeg is installed, else SkiaSharp; the engine
    /// logs which, and a warning when the library is missing) and the limits that make decoding safe on hostile input.
    /// </summary>
    public ImageDecodingOptions Decoding { get; set; } = new();

    /// <summary>
    /// Decode JPEGs at the smallest of 1/2, 1/4 or 1/8 scale whose short side still covers the model's resize
    /// (its preprocessing's shortest edge) instead of at full size. Default false: pixels and embeddings stay
    /// identical to the reference preprocessing. True decodes and preprocesses a camera-sized JPEG about 1.9 times
    /// faster for a small change of pixels (docs/benchmarks.md measures it); it overrides
    /// <see cref="ImageDecodingOptions.MinimumShortSide"/>.
    /// </summary>
    public bool ReducedJpegDecoding { get; set; }

    /// <summary>How transparent images are flattened before preprocessing.</summary>
    public ClipPreprocessorOptions Preprocessing { get; set; } = new();

    /// <summary>Checks every part; throws naming the first wrong setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelDirectory))
        {
            throw new ArgumentException("ModelDirectory must name a model folder.");
        }

        Decoding.Validate();
        Preprocessing.Validate();
    }
}
