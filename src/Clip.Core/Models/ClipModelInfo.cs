namespace Clip.Core.Models;

/// <summary>What a model registry records about a loaded model.</summary>
/// <param name="Name">The model folder's name.</param>
/// <param name="Directory">The model folder, as a full path.</param>
/// <param name="Layout">How the towers are stored.</param>
/// <param name="EmbeddingDimension">Floats per embedding.</param>
/// <param name="LogitScale">Multiplier of cosine similarities before a softmax.</param>
/// <param name="ContextLength">Token ids per text.</param>
/// <param name="ImageWidth">Input width in pixels.</param>
/// <param name="ImageHeight">Input height in pixels.</param>
/// <param name="ExecutionProvider">Where the model runs.</param>
/// <param name="ContentHash">
/// Lower-case hex SHA-256 over the ONNX files (see <see cref="OnnxFiles"/>), each framed by its relative path and
/// length; the same files give the same hash in any folder.
/// </param>
/// <param name="OnnxFiles">The ONNX files, relative to the folder, in hashing order.</param>
public sealed record ClipModelInfo(
    string Name,
    string Directory,
    ClipModelLayout Layout,
    int EmbeddingDimension,
    float LogitScale,
    int ContextLength,
    int ImageWidth,
    int ImageHeight,
    ClipExecutionProvider ExecutionProvider,
    string ContentHash,
    IReadOnlyList<string> OnnxFiles);
