namespace Clip.Core.Models;

/// <summary>The ONNX Runtime execution provider a loaded model actually runs on.</summary>
public enum ClipExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA provider (nodes it cannot run still fall back to the CPU inside ONNX Runtime).</summary>
    Cuda,
}
