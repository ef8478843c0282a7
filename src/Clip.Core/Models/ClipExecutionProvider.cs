namespace Clip.Core.Models;

/// <summary>The ONNX Runtime execution provider a loaded model actually runs on.</summary>
public enum ClipExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA provider (ONNX Runtime still runs the nodes CUDA lacks on the CPU).</summary>
    Cuda,
}
