using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Embeddings;

/// <summary>
/// The <see cref="RunOptions"/> of one encode call. Cancelling the token asks ONNX Runtime to stop the run in
/// flight, so a long batch does not hold up shutdown.
/// </summary>
internal sealed class TowerRun : IDisposable
{
    private readonly CancellationTokenRegistration _registration;

    public TowerRun(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        Options = new RunOptions();
        _registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, Options);
    }

    public RunOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void Dispose()
    {
        // Unregister first: the callback must not touch options that are already released.
        _registration.Dispose();
        Options.Dispose();
    }
}
