using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Models;

/// <summary>
/// Creates the ONNX Runtime sessions of one model, all on the same execution provider. The first session settles
/// the provider: with <see cref="ExecutionProviderPreference.Auto"/> CUDA is tried and the CPU taken when CUDA
/// cannot be loaded.
/// </summary>
/// <remarks>
/// Without CUDA on the machine, adding the CUDA provider throws an <see cref="OnnxRuntimeException"/> ("Failed to
/// load shared library") rather than crashing, so the fallback is a catch. Asking ONNX Runtime which providers it
/// has is no test: it lists CUDA whenever the GPU package is installed.
/// </remarks>
internal sealed class OnnxSessionFactory
{
    // The ONNX Runtime log level is process-wide; loads that quieten it for a CUDA attempt take turns.
    private static readonly Lock QuietLogLock = new();

    private readonly ClipModelOptions _options;

    public OnnxSessionFactory(ClipModelOptions options)
    {
        _options = options;
    }

    /// <summary>The provider the sessions run on; known once the first session exists.</summary>
    public ClipExecutionProvider? Provider { get; private set; }

    /// <summary>Why CUDA was not used although <see cref="ExecutionProviderPreference.Auto"/> asked for it.</summary>
    public string? CudaFallbackReason { get; private set; }

    public InferenceSession Create(string path)
    {
        if (Provider is null && _options.ExecutionProvider == ExecutionProviderPreference.Auto)
        {
            InferenceSession? onCuda = TryCreateOnCuda(path);
            Provider = onCuda is null ? ClipExecutionProvider.Cpu : ClipExecutionProvider.Cuda;
            if (onCuda is not null)
            {
                return onCuda;
            }
        }

        Provider ??= _options.ExecutionProvider == ExecutionProviderPreference.Cuda
            ? ClipExecutionProvider.Cuda
            : ClipExecutionProvider.Cpu;
        using SessionOptions options = Provider == ClipExecutionProvider.Cuda ? CudaOptions(path) : BaseOptions();
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ClipModelException(
                $"{path}: ONNX Runtime could not load the graph on the {Provider} provider: {e.Message}",
                e);
        }
    }

    /// <summary>
    /// Creates the session on CUDA with ONNX Runtime's own error log muted, or returns null and remembers why not.
    /// </summary>
    private InferenceSession? TryCreateOnCuda(string path)
    {
        lock (QuietLogLock)
        {
            OrtEnv environment = OrtEnv.Instance();
            OrtLoggingLevel previous = environment.EnvLogLevel;
            environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                using SessionOptions options = BaseOptions();
                options.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
                return new InferenceSession(path, options);
            }
            catch (OnnxRuntimeException e)
            {
                CudaFallbackReason = e.Message;
                return null;
            }
            finally
            {
                environment.EnvLogLevel = previous;
            }
        }
    }

    private SessionOptions CudaOptions(string path)
    {
        SessionOptions options = BaseOptions();
        try
        {
            options.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
            return options;
        }
        catch (OnnxRuntimeException e)
        {
            options.Dispose();
            throw new ClipModelException(
                $"{path}: the CUDA execution provider could not be loaded ({e.Message}); it needs CUDA 13 and " +
                "cuDNN 9, and ONNX Runtime names the missing library on stderr. Use the Auto or Cpu provider.",
                e);
        }
    }

    private SessionOptions BaseOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = _options.GraphOptimizationLevel,
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = _options.InterOpThreads,
        };
        if (!_options.AllowSpinning)
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }

        return options;
    }
}
