namespace Clip.Core.Probes;

/// <summary>The JSON form of a <see cref="LinearProbe"/>; see <see cref="LinearProbeFile"/> for the layout.</summary>
internal sealed record LinearProbeDocument(
    string Format,
    int Version,
    string ModelName,
    string ModelContentHash,
    string Features,
    int EmbeddingDimension,
    double Lambda,
    IReadOnlyList<string> Classes,
    IReadOnlyList<float[]> Weights,
    float[] Bias,
    double? CrossValidatedAccuracy);
