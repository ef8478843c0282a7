using Clip.Core.Imaging;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Cli.Bench;

/// <summary>
/// Reads, decodes and preprocesses files one after another on the calling thread, cycling through them: the
/// per-core cost of turning a file into encoder input.
/// </summary>
internal sealed class PreparingLoop
{
    private readonly ImageLoader _loader;
    private readonly ClipImagePreprocessor _preprocessor;
    private readonly IReadOnlyList<string> _files;
    private readonly float[] _tensor;
    private int _next;

    public PreparingLoop(ImageDecodingOptions decoding, IReadOnlyList<string> files)
    {
        _loader = new ImageLoader(decoding);
        _preprocessor = new ClipImagePreprocessor();
        _files = files;
        _tensor = new float[_preprocessor.Spec.TensorLength];
    }

    /// <summary>Prepares the next file; returns 1, the number of images done.</summary>
    public long Next()
    {
        string file = _files[_next];
        _next = (_next + 1) % _files.Count;
        using DecodedImage image = _loader.Load(File.ReadAllBytes(file), CancellationToken.None);
        _preprocessor.Preprocess(image, _tensor);
        return 1;
    }

    /// <summary>The encoder input of one file.</summary>
    public float[] Tensor(string file)
    {
        using DecodedImage image = _loader.Load(File.ReadAllBytes(file), CancellationToken.None);
        float[] tensor = new float[_preprocessor.Spec.TensorLength];
        _preprocessor.Preprocess(image, tensor);
        return tensor;
    }

    /// <summary>The resized, cropped RGB bytes of one file, before normalisation.</summary>
    public byte[] Rgb(string file)
    {
        using DecodedImage image = _loader.Load(File.ReadAllBytes(file), CancellationToken.None);
        return _preprocessor.PreprocessToRgb(image);
    }
}
