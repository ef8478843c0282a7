using Clip.Core.ZeroShot;
using Pipeline.Contracts;

namespace Pipeline.Processing.LabelSets;

/// <summary>Turns label set definitions into what the zero-shot classifier takes.</summary>
public static class LabelSetDefinitionExtensions
{
    /// <summary>
    /// The classifier's label set. <paramref name="templates"/> replaces the set's own templates when given
    /// (a command-line choice wins over the file).
    /// </summary>
    public static LabelSet ToLabelSet(this LabelSetDefinition definition, PromptTemplates? templates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        PromptTemplates chosen = templates
            ?? (definition.Templates is { } lines
                ? PromptTemplates.FromLines(lines, $"label set '{definition.Name}'")
                : PromptTemplates.Resolve(definition.TemplateSet));
        var classes = definition.Classes.Select(c => new LabelClass(c.Name, c.Prompts, c.Threshold)).ToList();
        return new LabelSet(definition.Name, classes, chosen);
    }
}
