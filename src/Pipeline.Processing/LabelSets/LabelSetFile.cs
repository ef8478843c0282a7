using Clip.Core.ZeroShot;
using Pipeline.Contracts;

namespace Pipeline.Processing.LabelSets;

/// <summary>
/// Reads label sets from files. A <c>.txt</c> file holds one class name per line (blank lines and lines starting
/// with <c>#</c> are skipped) and takes its name from the file name. A <c>.yaml</c>, <c>.yml</c> or <c>.json</c>
/// file holds <c>name</c>, <c>classes</c> (names, or mappings with <c>name</c>, <c>prompts</c>,
/// <c>threshold</c>), <c>templates</c> (a list, or <c>default</c> / <c>imagenet80</c>), <c>multi_label</c> and
/// <c>threshold</c>.
/// </summary>
public static class LabelSetFile
{
    /// <summary>Loads a label set; errors name the file and what is wrong.</summary>
    public static LabelSetDefinition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The label set file '{path}' does not exist.", path);
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".txt" or ".yaml" or ".yml" or ".json"))
        {
            throw new FormatException($"The label set file '{path}' must end in .txt, .yaml, .yml or .json.");
        }

        return Parse(File.ReadAllText(path), extension == ".txt", path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>
    /// Reads the text of a label set file: one class per line when <paramref name="plainText"/>, else YAML or
    /// JSON. <paramref name="source"/> names the text in errors; <paramref name="defaultName"/> names a set whose
    /// text names none.
    /// </summary>
    public static LabelSetDefinition Parse(string text, bool plainText, string source, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(text);
        LabelSetDefinition set = plainText
            ? FromLines(defaultName, text.Split('\n'))
            : LabelSetYaml.Parse(source, text, defaultName);
        return Validate(set, source);
    }

    /// <summary>A label set from class names given inline, such as <c>--labels "cat,dog"</c>.</summary>
    public static LabelSetDefinition FromNames(string name, IEnumerable<string> classes) =>
        Validate(FromLines(name, classes), "the command line");

    private static LabelSetDefinition FromLines(string name, IEnumerable<string> lines)
    {
        var classes = lines
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => new LabelClassDefinition(l, null, null))
            .ToList();
        return new LabelSetDefinition(name, classes, null, "default", false, 0.5f);
    }

    /// <summary>
    /// Returns <paramref name="set"/> when it can be scored, else throws <see cref="FormatException"/> naming
    /// <paramref name="where"/> and the problem: no name, too few classes, a class named twice, a template
    /// without <c>{}</c>.
    /// </summary>
    public static LabelSetDefinition Validate(LabelSetDefinition set, string where)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Classes is null || set.Classes.Any(c => c is null || string.IsNullOrWhiteSpace(c.Name)))
        {
            throw new FormatException($"The label set in {where} needs a list of classes, each with a name.");
        }

        if (string.IsNullOrWhiteSpace(set.Name))
        {
            throw new FormatException($"The label set in {where} has no name.");
        }

        if (set.Classes.Count < 1 || (!set.MultiLabel && set.Classes.Count < 2))
        {
            throw new FormatException(
                $"The label set '{set.Name}' in {where} needs at least two classes (one in the multi-label mode).");
        }

        var duplicate = set.Classes.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"The label set '{set.Name}' in {where} names '{duplicate.Key}' twice.");
        }

        if (set.Templates is null && set.TemplateSet is { } named && PromptTemplates.FindNamed(named) is null)
        {
            throw new FormatException(
                $"The templates of '{set.Name}' in {where} are '{named}'; give '{PromptTemplates.DefaultName}', " +
                $"'{PromptTemplates.ImageNet80Name}' or a list of templates with {{}} for the class name.");
        }

        if (set.Templates is { } templates && templates.Any(t => !t.Contains("{}", StringComparison.Ordinal)))
        {
            throw new FormatException($"Every template of '{set.Name}' in {where} needs a {{}} for the class name.");
        }

        return set;
    }
}
