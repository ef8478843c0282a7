using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>What <c>clip eval</c> measured on one data set: printed as a table, optionally written as JSON.</summary>
/// <param name="Task">The kind of evaluation, such as <c>zero-shot classification</c>.</param>
/// <param name="Dataset">The data set file or folder.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Samples">The samples scored (images, or memes), after leaving out unreadable images.</param>
/// <param name="Rows">One row per scorer or prompt variant.</param>
/// <param name="Failures">The images that could not be read.</param>
/// <param name="Details">Further figures for the JSON output only (per-class AP, λ, fold accuracies).</param>
internal sealed record EvaluationReport(
    string Task,
    string Dataset,
    string Model,
    int Samples,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<ImageFileFailure> Failures,
    IReadOnlyDictionary<string, object?> Details);
