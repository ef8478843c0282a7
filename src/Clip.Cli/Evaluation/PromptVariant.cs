using Clip.Core.ZeroShot;

namespace Clip.Cli.Evaluation;

/// <summary>One way of turning class names into prompts, compared by <c>clip eval --zero-shot --compare</c>.</summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Templates">The templates; <c>{}</c> alone prompts with the bare class name.</param>
internal sealed record PromptVariant(string Name, PromptTemplates Templates)
{
    /// <summary>The template CLIP's paper starts from before ensembling.</summary>
    public const string SingleTemplate = "a photo of a {}.";

    /// <summary>The class name alone, without a template.</summary>
    public static PromptVariant Bare { get; } = new("class name only", PromptTemplates.FromLines(["{}"]));

    /// <summary>One template alone; throws <see cref="FormatException"/> when it has no <c>{}</c>.</summary>
    public static PromptVariant OneTemplate(string template) =>
        new($"one template: \"{template}\"", PromptTemplates.FromLines([template], "--template"));

    /// <summary>An ensemble of <paramref name="templates"/>, named after <paramref name="choice"/>.</summary>
    public static PromptVariant Ensemble(string choice, PromptTemplates templates) =>
        new($"ensemble: {Path.GetFileName(choice)} ({templates.Templates.Count} templates)", templates);
}
