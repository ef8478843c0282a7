using System.Security.Cryptography;
using System.Text;

namespace Clip.Core.ZeroShot;

/// <summary>
/// A named set of classes to label images with, and the prompt templates that turn each class name into prompts.
/// Immutable; <see cref="ContentHash"/> identifies what its text embeddings depend on.
/// </summary>
public sealed class LabelSet
{
    /// <summary>
    /// The class name put into the templates to make the background prompts, which the multi-label mode compares
    /// every label against: a word that names no particular object, so its prompts embed as a generic image.
    /// </summary>
    public const string BackgroundClassName = "thing";

    private readonly Lazy<string> _contentHash;

    /// <summary>Creates a label set; throws <see cref="ArgumentException"/> for an unusable one.</summary>
    public LabelSet(string name, IReadOnlyList<LabelClass> classes, PromptTemplates? templates = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(classes);
        Name = name;
        Classes = classes.ToArray();
        Templates = templates ?? PromptTemplates.Default;
        Validate();
        _contentHash = new Lazy<string>(ComputeContentHash);
    }

    /// <summary>The set's name, stored with every label it gives.</summary>
    public string Name { get; }

    /// <summary>The classes, in the user's order; scores and indices follow this order.</summary>
    public IReadOnlyList<LabelClass> Classes { get; }

    /// <summary>The templates applied to classes that have no prompts of their own.</summary>
    public PromptTemplates Templates { get; }

    /// <summary>The templates applied to <see cref="BackgroundClassName"/>.</summary>
    public IReadOnlyList<string> BackgroundPrompts => Templates.Apply(BackgroundClassName);

    /// <summary>
    /// Lower-case hex SHA-256 of every prompt of every class, in order, then the background prompts. Two sets with
    /// the same prompts share text embeddings whatever their names or thresholds.
    /// </summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>A label set of plain class names, each embedded through <paramref name="templates"/>.</summary>
    public static LabelSet FromNames(string name, IEnumerable<string> classNames, PromptTemplates? templates = null)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        return new LabelSet(name, classNames.Select(className => new LabelClass(className)).ToArray(), templates);
    }

    /// <summary>The prompts of class <paramref name="index"/>: its own, or the templates applied to its name.</summary>
    public IReadOnlyList<string> PromptsOf(int index) => Classes[index].Prompts ?? Templates.Apply(Classes[index].Name);

    private void Validate()
    {
        if (Classes.Count == 0)
        {
            throw new ArgumentException($"Label set '{Name}' has no classes.", "classes");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (LabelClass labelClass in Classes)
        {
            string problem = labelClass switch
            {
                null => "a class is null",
                { Name: var n } when string.IsNullOrWhiteSpace(n) => "a class has an empty name",
                { Name: var n } when !seen.Add(n) => $"class '{n}' appears twice",
                { Prompts.Count: 0 } => $"class '{labelClass.Name}' has an empty prompt list",
                { Prompts: { } p } when p.Any(string.IsNullOrWhiteSpace) =>
                    $"class '{labelClass.Name}' has an empty prompt",
                { Threshold: { } t } when !(t >= 0f && t <= 1f) =>
                    $"class '{labelClass.Name}' has threshold {t} outside [0, 1]",
                _ => string.Empty,
            };
            if (problem.Length > 0)
            {
                throw new ArgumentException($"Label set '{Name}': {problem}.", "classes");
            }
        }
    }

    private string ComputeContentHash()
    {
        IEnumerable<IReadOnlyList<string>> groups = Enumerable.Range(0, Classes.Count)
            .Select(PromptsOf)
            .Append(BackgroundPrompts);
        var text = new StringBuilder();
        foreach (IReadOnlyList<string> prompts in groups)
        {
            // Lengths before every string keep "a", "bc" apart from "ab", "c".
            text.Append(prompts.Count).Append('\n');
            foreach (string prompt in prompts)
            {
                text.Append(prompt.Length).Append(':').Append(prompt).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
