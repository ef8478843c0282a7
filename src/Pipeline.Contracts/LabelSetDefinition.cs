namespace Pipeline.Contracts;

/// <summary>A label set as a user writes it: classes, prompt templates, and how labels are chosen.</summary>
/// <param name="Name">Name under which labels are stored.</param>
/// <param name="Classes">The classes, in the user's order.</param>
/// <param name="Templates">
/// Prompt templates with <c>{}</c> where the class name goes, or one of the named sets <c>default</c> and
/// <c>imagenet80</c>; null for the default set.
/// </param>
/// <param name="TemplateSet">A named template set, used when <paramref name="Templates"/> is null.</param>
/// <param name="MultiLabel">True to give every class whose score passes its threshold, not only the best.</param>
/// <param name="DefaultThreshold">The threshold of classes that set none, in the multi-label mode.</param>
public sealed record LabelSetDefinition(
    string Name,
    IReadOnlyList<LabelClassDefinition> Classes,
    IReadOnlyList<string>? Templates,
    string TemplateSet,
    bool MultiLabel,
    float DefaultThreshold);
