namespace Clip.Core.Models;

/// <summary>Which ONNX Runtime execution provider a model should run on.</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when it can be loaded on this machine, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>CUDA only; loading fails when the CUDA provider cannot be loaded.</summary>
    Cuda,
}
