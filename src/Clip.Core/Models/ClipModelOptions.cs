using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Models;

/// <summary>How a model is loaded and run. Checked by <see cref="Validate"/> when a model is loaded.</summary>
public sealed class ClipModelOptions
{
    /// <summary>The largest number of images or texts sent to ONNX Runtime in one run. Default 32.</summary>
    /// <remarks>Larger inputs are split into chunks of this size; results are the same, memory use differs.</remarks>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Threads one operator may use. Default 0: ONNX Runtime's choice (one per physical core). Set it lower when
    /// several models or processes share the machine.
    /// </summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Threads for running independent operators at once. Default 0: ONNX Runtime's choice. CLIP's graphs are
    /// mostly a chain of operators, so this rarely matters.
    /// </summary>
    public int InterOpThreads { get; set; }

    /// <summary>
    /// Whether ONNX Runtime's operator threads spin for a while after their work instead of sleeping at once.
    /// Default true (ONNX Runtime's own default): the lowest latency when the model runs alone. Set it false when
    /// other CPU work shares the cores between runs, as image decoding does in a pipeline: spinning threads take
    /// the cores that work needs.
    /// </summary>
    public bool AllowSpinning { get; set; } = true;

    /// <summary>Graph optimisations ONNX Runtime applies when loading. Default: all of them.</summary>
    public GraphOptimizationLevel GraphOptimizationLevel { get; set; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>
    /// Where the model runs. Default <see cref="ExecutionProviderPreference.Auto"/>: CUDA if it loads, else the CPU.
    /// </summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>The CUDA device ordinal used when running on CUDA. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Check(MaxBatchSize >= 1, nameof(MaxBatchSize), MaxBatchSize, "at least 1");
        Check(IntraOpThreads >= 0, nameof(IntraOpThreads), IntraOpThreads, "0 (ONNX Runtime's choice) or more");
        Check(InterOpThreads >= 0, nameof(InterOpThreads), InterOpThreads, "0 (ONNX Runtime's choice) or more");
        Check(CudaDeviceId >= 0, nameof(CudaDeviceId), CudaDeviceId, "0 or more");
        Check(
            Enum.IsDefined(GraphOptimizationLevel),
            nameof(GraphOptimizationLevel),
            GraphOptimizationLevel,
            "a defined level");
        Check(Enum.IsDefined(ExecutionProvider), nameof(ExecutionProvider), ExecutionProvider, "Auto, Cpu or Cuda");
    }

    private static void Check(bool valid, string name, object value, string expected)
    {
        if (!valid)
        {
            throw new ArgumentException(
                $"{nameof(ClipModelOptions)}.{name} is {value}; it must be {expected}.",
                name);
        }
    }
}
