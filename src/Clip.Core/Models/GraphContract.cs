using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clip.Core.Models;

/// <summary>
/// Checks an ONNX graph's inputs and outputs against what a CLIP export has, and says precisely what differs.
/// </summary>
internal static class GraphContract
{
    /// <summary>
    /// Every non-optional input in <paramref name="expected"/> must exist with its type and rank, and the graph may
    /// have no input outside <paramref name="expected"/> (it would have to be fed something unknown).
    /// </summary>
    public static void CheckInputs(InferenceSession session, string file, IReadOnlyList<GraphTensor> expected)
    {
        IReadOnlyDictionary<string, NodeMetadata> inputs = session.InputMetadata;
        foreach (GraphTensor tensor in expected)
        {
            if (!inputs.TryGetValue(tensor.Name, out NodeMetadata? metadata))
            {
                if (tensor.Optional)
                {
                    continue;
                }

                throw new ClipModelException(
                    $"{file}: expected an input {tensor}; the graph's inputs are {Describe(inputs)}.");
            }

            CheckTensor(file, "input", tensor, metadata);
        }

        string[] unknown = inputs.Keys.Where(name => expected.All(tensor => tensor.Name != name)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ClipModelException(
                $"{file}: unexpected input {string.Join(", ", unknown)}; expected only " +
                $"{string.Join(", ", expected)}.");
        }
    }

    /// <summary>Checks an output exists as [batch, dim] floats; returns dim when the graph fixes it.</summary>
    public static int? CheckOutput(InferenceSession session, string file, GraphTensor expected)
    {
        IReadOnlyDictionary<string, NodeMetadata> outputs = session.OutputMetadata;
        if (!outputs.TryGetValue(expected.Name, out NodeMetadata? metadata))
        {
            throw new ClipModelException(
                $"{file}: expected an output {expected}; the graph's outputs are {Describe(outputs)}.");
        }

        CheckTensor(file, "output", expected, metadata);
        int dim = metadata.Dimensions[1];
        return dim > 0 ? dim : null;
    }

    /// <summary>The graph's size for dimension <paramref name="axis"/> of an input, or null when symbolic.</summary>
    public static int? FixedDimension(InferenceSession session, GraphTensor tensor, int axis)
    {
        if (!session.InputMetadata.TryGetValue(tensor.Name, out NodeMetadata? metadata))
        {
            return null;
        }

        int dim = metadata.Dimensions[axis];
        return dim > 0 ? dim : null;
    }

    public static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static void CheckTensor(string file, string kind, GraphTensor expected, NodeMetadata metadata)
    {
        if (!metadata.IsTensor || metadata.ElementDataType != expected.ElementType
            || metadata.Dimensions.Length != expected.Rank)
        {
            throw new ClipModelException(
                $"{file}: {kind} '{expected.Name}' should be {GraphContract.TypeName(expected.ElementType)} " +
                $"{expected.Shape}; the graph has {Describe(metadata)}.");
        }
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> tensors) => tensors.Count == 0
        ? "none"
        : string.Join(", ", tensors.Select(pair => $"{pair.Key} ({Describe(pair.Value)})"));

    private static string Describe(NodeMetadata metadata) => metadata.IsTensor
        ? $"{TypeName(metadata.ElementDataType)} [{string.Join(", ", metadata.Dimensions.Select(DimText))}]"
        : metadata.OnnxValueType.ToString();

    private static string DimText(int dim) => dim > 0 ? dim.ToString() : "?";
}
