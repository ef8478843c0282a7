namespace Clip.Core.ZeroShot;

/// <summary>One class of a label set.</summary>
/// <param name="Name">The class name: put into the templates, and reported as the label.</param>
/// <param name="Prompts">The class's own prompts, used instead of the set's templates when given.</param>
/// <param name="Threshold">
/// Its own threshold on the per-label probability in the multi-label mode
/// (see <see cref="ZeroShotClassifier.ClassifyMultiLabel"/>), or null for the default.
/// </param>
public sealed record LabelClass(string Name, IReadOnlyList<string>? Prompts = null, float? Threshold = null);
