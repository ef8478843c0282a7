using System.Globalization;
using Pipeline.Contracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Processing.LabelSets;

/// <summary>Parses the YAML (or JSON, which YAML reads too) form of a label set.</summary>
internal static class LabelSetYaml
{
    // Unknown keys are errors, so that a misspelt key ("multi-label") cannot silently fall back to a default.
    private static readonly string[] SetKeys = ["name", "classes", "templates", "multi_label", "threshold"];
    private static readonly string[] ClassKeys = ["name", "prompts", "threshold"];

    public static LabelSetDefinition Parse(string path, string text, string defaultName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"The label set file '{path}' is not valid YAML or JSON: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"The label set file '{path}' must hold one mapping (name, classes, ...).");
        }

        // A label set has no format field; a file that names one (a linear probe file) was given by mistake.
        if (Scalar(root, "format") is { } format)
        {
            throw new FormatException(
                $"The label set file '{path}' is a '{format}' file, not a label set (a label set has no 'format').");
        }

        RejectUnknown(root, SetKeys, path, "The label set");
        string name = Scalar(root, "name") ?? defaultName;
        var classes = Sequence(root, "classes", path).Select(node => Class(node, path)).ToList();
        IReadOnlyList<string>? templates = null;
        string templateSet = "default";
        if (Child(root, "templates") is YamlSequenceNode list)
        {
            templates = list.Children.Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList();
        }
        else if (Scalar(root, "templates") is { } named)
        {
            templateSet = named;
        }

        bool multiLabel = string.Equals(Scalar(root, "multi_label"), "true", StringComparison.OrdinalIgnoreCase);
        float threshold = Number(Scalar(root, "threshold"), path) ?? 0.5f;
        return new LabelSetDefinition(name, classes, templates, templateSet, multiLabel, threshold);
    }

    private static LabelClassDefinition Class(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            return new LabelClassDefinition(scalar.Value ?? string.Empty, null, null);
        }

        if (node is not YamlMappingNode map || Scalar(map, "name") is not { } name)
        {
            throw new FormatException($"Each class in '{path}' must be a name or a mapping with a 'name'.");
        }

        RejectUnknown(map, ClassKeys, path, $"The class '{name}'");
        IReadOnlyList<string>? prompts = Child(map, "prompts") is YamlSequenceNode p
            ? p.Children.Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList()
            : null;
        return new LabelClassDefinition(name, prompts, Number(Scalar(map, "threshold"), path));
    }

    private static void RejectUnknown(YamlMappingNode map, string[] known, string path, string owner)
    {
        foreach (YamlNode key in map.Children.Keys)
        {
            string text = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(text, StringComparer.Ordinal))
            {
                throw new FormatException(
                    $"{owner} in '{path}' has the unknown key '{text}' (known: {string.Join(", ", known)}).");
            }
        }
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, string path) =>
        Child(map, key) is YamlSequenceNode seq
            ? seq.Children
            : throw new FormatException($"The label set file '{path}' needs a list '{key}'.");

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static float? Number(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
               && value is >= 0f and <= 1f
            ? value
            : throw new FormatException($"Thresholds in '{path}' must be numbers from 0 to 1, not '{text}'.");
    }
}
