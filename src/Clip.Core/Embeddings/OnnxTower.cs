using Clip.Core.Models;
using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Embeddings;

/// <summary>
/// One tower of a model as ONNX Runtime runs it: the session, the inputs the tower feeds, the one output it asks
/// for, and, when both towers share one graph, fixed placeholder values for the other tower's inputs.
/// </summary>
internal sealed class OnnxTower
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly OrtValue[] _constantInputs;
    private readonly string[] _outputNames;

    /// <param name="session">The session; owned by the caller.</param>
    /// <param name="file">The ONNX file, named in error messages.</param>
    /// <param name="inputNames">The inputs each run feeds, in the order <see cref="Run"/> receives them.</param>
    /// <param name="outputName">The embedding output.</param>
    /// <param name="constantInputs">Inputs fed the same value on every run; owned by the caller.</param>
    public OnnxTower(
        InferenceSession session,
        string file,
        IReadOnlyList<string> inputNames,
        string outputName,
        IReadOnlyList<KeyValuePair<string, OrtValue>> constantInputs)
    {
        _session = session;
        File = file;
        OwnInputCount = inputNames.Count;
        _inputNames = [.. inputNames, .. constantInputs.Select(pair => pair.Key)];
        _constantInputs = constantInputs.Select(pair => pair.Value).ToArray();
        _outputNames = [outputName];
    }

    /// <summary>The ONNX file the tower runs from.</summary>
    public string File { get; }

    /// <summary>How many inputs each run feeds.</summary>
    public int OwnInputCount { get; }

    /// <summary>
    /// Runs the tower on <paramref name="inputs"/> (one per name given at construction) and writes the embeddings
    /// into <paramref name="output"/>, a tensor over the caller's memory of the expected shape.
    /// </summary>
    public void Run(TowerRun run, ReadOnlySpan<OrtValue> inputs, OrtValue output)
    {
        if (inputs.Length != OwnInputCount)
        {
            throw new ArgumentException($"Expected {OwnInputCount} inputs, got {inputs.Length}.", nameof(inputs));
        }

        OrtValue[] feeds = [.. inputs, .. _constantInputs];
        run.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            _session.Run(run.Options, _inputNames, feeds, _outputNames, [output]);
        }
        catch (OnnxRuntimeException) when (run.CancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(run.CancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ClipModelException($"{File}: ONNX Runtime failed to run the graph: {e.Message}", e);
        }
    }
}
