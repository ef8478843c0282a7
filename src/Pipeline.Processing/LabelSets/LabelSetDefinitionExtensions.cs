using Clip.Core.ZeroShot;
using Pipeline.Contracts;

namespace Pipeline.Processing.LabelSets;

/// <summary>Turns label set definitions into what the zero-shot classifier takes.</summary>
public static class LabelSetDefinitionExtensions
{
    /// <summary>
    /// The classifier's label set. <paramref name="templates"/> replaces the set's own templates when given
    /// (a command-line choice wins over the file). A definition names only a built-in template set: it may come
    /// from a message, and a name must not make a worker read a file of its choosing.
    /// </summary>
    public static LabelSet ToLabelSet(this LabelSetDefinition definition, PromptTemplates? templates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        PromptTemplates chosen = templates
            ?? (definition.Templates is { } lines
                ? PromptTemplates.FromLines(lines, $"label set '{definition.Name}'")
                : PromptTemplates.FindNamed(definition.TemplateSet)
                    ?? throw new FormatException(
                        $"The label set '{definition.Name}' names the template set '{definition.TemplateSet}'; " +
                        $"only '{PromptTemplates.DefaultName}' and '{PromptTemplates.ImageNet80Name}' exist."));
        var classes = definition.Classes.Select(c => new LabelClass(c.Name, c.Prompts, c.Threshold)).ToList();
        return new LabelSet(definition.Name, classes, chosen);
    }
}
