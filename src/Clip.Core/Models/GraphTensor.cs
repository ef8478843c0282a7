using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clip.Core.Models;

/// <summary>An input or output a CLIP graph must (or may) have: name, element type and rank.</summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="ElementType">Element type.</param>
/// <param name="Shape">The expected shape in words, for error messages.</param>
/// <param name="Optional">True when a graph may leave it out.</param>
internal sealed record GraphTensor(string Name, TensorElementType ElementType, string Shape, bool Optional = false)
{
    public static readonly GraphTensor PixelValues =
        new("pixel_values", TensorElementType.Float, "[batch, 3, height, width]");

    public static readonly GraphTensor InputIds = new("input_ids", TensorElementType.Int64, "[batch, context]");

    public static readonly GraphTensor AttentionMask =
        new("attention_mask", TensorElementType.Int64, "[batch, context]", Optional: true);

    public static readonly GraphTensor ImageEmbeds = new("image_embeds", TensorElementType.Float, "[batch, dim]");

    public static readonly GraphTensor TextEmbeds = new("text_embeds", TensorElementType.Float, "[batch, dim]");

    /// <summary>Number of dimensions, counted from the shape text.</summary>
    public int Rank => Shape.Count(c => c == ',') + 1;

    /// <summary>How the tensor reads in a message: <c>pixel_values (float32 [batch, 3, height, width])</c>.</summary>
    public override string ToString() => $"{Name} ({GraphContract.TypeName(ElementType)} {Shape})";
}
