using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Models;

/// <summary>
/// Placeholder inputs for a graph that holds both towers. ONNX Runtime runs the whole graph whichever output is
/// asked for and fails on a missing input, so an image run must still feed text and a text run an image. An empty
/// batch costs nothing and most graphs accept it; the others get one blank item.
/// </summary>
internal sealed class CombinedGraphFeeds : IDisposable
{
    private readonly List<OrtValue> _values = [];

    public CombinedGraphFeeds(
        int imageHeight,
        int imageWidth,
        int contextLength,
        int endOfTextId,
        bool attentionMask,
        bool emptyBatch)
    {
        int batch = emptyBatch ? 0 : 1;
        float[] pixels = new float[batch * 3 * imageHeight * imageWidth];
        long[] ids = new long[batch * contextLength];
        long[] mask = new long[batch * contextLength];
        if (!emptyBatch)
        {
            // A row holding only the end-of-text token: every tower sees a well-formed, one-token text.
            ids[0] = endOfTextId;
            mask[0] = 1;
        }

        long[] textShape = [batch, contextLength];
        ForImage = attentionMask
            ? [Add(GraphTensor.InputIds.Name, ids, textShape), Add(GraphTensor.AttentionMask.Name, mask, textShape)]
            : [Add(GraphTensor.InputIds.Name, ids, textShape)];
        ForText = [Add(GraphTensor.PixelValues.Name, pixels, [batch, 3, imageHeight, imageWidth])];
    }

    /// <summary>The text inputs an image run feeds.</summary>
    public IReadOnlyList<KeyValuePair<string, OrtValue>> ForImage { get; }

    /// <summary>The image input a text run feeds.</summary>
    public IReadOnlyList<KeyValuePair<string, OrtValue>> ForText { get; }

    public void Dispose()
    {
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }
    }

    private KeyValuePair<string, OrtValue> Add<T>(string name, T[] data, long[] shape)
        where T : unmanaged
    {
        OrtValue value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, data.AsMemory(), shape);
        _values.Add(value);
        return new KeyValuePair<string, OrtValue>(name, value);
    }
}
