namespace Pipeline.Contracts;

/// <summary>
/// A trained linear probe as a job carries it: multinomial logistic regression on L2-normalised image embeddings,
/// class probabilities softmax(W·x/‖x‖ + b). Its labels are stored under <paramref name="Name"/> like those of a
/// label set. It applies only to embeddings of the model it was trained on.
/// </summary>
/// <param name="Name">Name under which the probe's labels are stored.</param>
/// <param name="ModelName">Name of the model whose embeddings the probe was trained on.</param>
/// <param name="ModelContentHash">Content hash of that model's files.</param>
/// <param name="Features">
/// The kind of vector the probe was trained on; only <see cref="ImageFeatures"/> (plain image embeddings) can run
/// as a job task.
/// </param>
/// <param name="Classes">The class names, in the order of the weight rows.</param>
/// <param name="Weights">One row of weights per class, each as long as the model's embeddings.</param>
/// <param name="Bias">The bias of each class.</param>
/// <param name="MinProbability">
/// Labels whose probability is below this are not kept, so an image may get none; null keeps the top ones
/// whatever their probability.
/// </param>
public sealed record LinearProbeDefinition(
    string Name,
    string ModelName,
    string ModelContentHash,
    string Features,
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<float>> Weights,
    IReadOnlyList<float> Bias,
    float? MinProbability = null)
{
    /// <summary>The <see cref="Features"/> of probes trained on plain image embeddings.</summary>
    public const string ImageFeatures = "image";
}
