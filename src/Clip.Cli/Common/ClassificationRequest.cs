using Clip.Core.ZeroShot;
using Pipeline.Contracts;
using Pipeline.Processing.LabelSets;

namespace Clip.Cli.Common;

/// <summary>What <c>clip classify</c> scores: the label set, and whether it gives several labels per image.</summary>
/// <param name="LabelSet">The classes and their prompts.</param>
/// <param name="MultiLabel">True to give every label that passes its threshold instead of the top k.</param>
/// <param name="DefaultThreshold">The threshold of classes that set none, in the multi-label mode.</param>
internal sealed record ClassificationRequest(LabelSet LabelSet, bool MultiLabel, float DefaultThreshold)
{
    /// <summary>
    /// Builds the request from <c>--labels</c> or <c>--labels-file</c> (text, YAML or JSON); <c>--templates</c>,
    /// when given, replaces the templates the file names.
    /// </summary>
    public static ClassificationRequest From(string? labels, FileInfo? labelsFile, string? templates)
    {
        LabelSetDefinition definition = labelsFile is not null
            ? LabelSetFile.Load(labelsFile.FullName)
            : LabelSetFile.FromNames("labels", (labels ?? string.Empty).Split(','));

        PromptTemplates? chosen = templates is null ? null : PromptTemplates.Resolve(templates);
        return new ClassificationRequest(
            definition.ToLabelSet(chosen),
            definition.MultiLabel,
            definition.DefaultThreshold);
    }
}
