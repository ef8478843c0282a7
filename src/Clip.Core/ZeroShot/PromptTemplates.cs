namespace Clip.Core.ZeroShot;

/// <summary>
/// Prompt templates: sentences with <c>{}</c> where a class name goes, such as <c>"a photo of a {}."</c>. Each
/// class is embedded as the ensemble of its prompts (see <see cref="PromptEnsemble"/>).
/// </summary>
public sealed class PromptTemplates
{
    /// <summary>The mark a template holds where the class name goes.</summary>
    public const string Placeholder = "{}";

    /// <summary>The name of <see cref="Default"/> in <see cref="Resolve"/>.</summary>
    public const string DefaultName = "default";

    /// <summary>The name of <see cref="ImageNet80"/> in <see cref="Resolve"/>.</summary>
    public const string ImageNet80Name = "imagenet80";

    private PromptTemplates(IReadOnlyList<string> templates)
    {
        Templates = templates;
    }

    /// <summary>The 80 ImageNet templates published with CLIP.</summary>
    public static PromptTemplates ImageNet80 { get; } = new(ImageNetPromptTemplates.All);

    /// <summary>
    /// The seven templates CLIP's prompt-engineering notebook reports as chosen by forward selection out of the 80:
    /// most of the ensemble's accuracy for under a tenth of the text encoder work.
    /// </summary>
    public static PromptTemplates Default { get; } = new(ImageNetPromptTemplates.ForwardSelected);

    /// <summary>The templates, in order.</summary>
    public IReadOnlyList<string> Templates { get; }

    /// <summary>
    /// Templates from a list; each must hold <see cref="Placeholder"/>. Blank entries and lines starting with
    /// <c>#</c> are skipped, so a file can carry comments. Throws <see cref="FormatException"/> naming
    /// <paramref name="source"/> and the line of a bad template.
    /// </summary>
    public static PromptTemplates FromLines(IEnumerable<string> lines, string source = "templates")
    {
        ArgumentNullException.ThrowIfNull(lines);
        var templates = new List<string>();
        int lineNumber = 0;
        foreach (string raw in lines)
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.Contains(Placeholder, StringComparison.Ordinal))
            {
                throw new FormatException(
                    $"{source} line {lineNumber}: '{line}' has no {Placeholder} where the class name goes.");
            }

            templates.Add(line);
        }

        return templates.Count > 0
            ? new PromptTemplates(templates)
            : throw new FormatException($"{source}: no templates (one per line, each with {Placeholder}).");
    }

    /// <summary>Templates from a UTF-8 text file, one per line (see <see cref="FromLines"/>).</summary>
    public static PromptTemplates Load(string path) => FromLines(File.ReadLines(path), path);

    /// <summary>
    /// The built-in set named <paramref name="name"/> (<c>default</c> or <c>imagenet80</c>), or null. Unlike
    /// <see cref="Resolve"/> it never reads a file, so it is the one to use for names that come from a message.
    /// </summary>
    public static PromptTemplates? FindNamed(string? name) => name?.ToLowerInvariant() switch
    {
        DefaultName => Default,
        ImageNet80Name => ImageNet80,
        _ => null,
    };

    /// <summary><c>default</c>, <c>imagenet80</c>, or else the path of a template file.</summary>
    public static PromptTemplates Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        return nameOrPath.ToLowerInvariant() switch
        {
            DefaultName => Default,
            ImageNet80Name => ImageNet80,
            _ when File.Exists(nameOrPath) => Load(nameOrPath),
            _ => throw new FileNotFoundException(
                $"Prompt templates '{nameOrPath}' are neither '{DefaultName}', '{ImageNet80Name}' nor a file.",
                nameOrPath),
        };
    }

    /// <summary>The prompts for one class: every template with the class name in place of <c>{}</c>.</summary>
    public IReadOnlyList<string> Apply(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        return Templates
            .Select(template => template.Replace(Placeholder, className, StringComparison.Ordinal))
            .ToArray();
    }
}
