namespace Clip.Core.Models;

/// <summary>How the two towers of a model folder are stored as ONNX files.</summary>
public enum ClipModelLayout
{
    /// <summary><c>onnx/vision_model.onnx</c> and <c>onnx/text_model.onnx</c>, one graph per tower.</summary>
    SeparateTowers,

    /// <summary><c>onnx/model.onnx</c>, one graph that holds both towers.</summary>
    CombinedTowers,
}
