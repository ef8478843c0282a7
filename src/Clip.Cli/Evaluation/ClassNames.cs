using System.Text.Json;
using Clip.Cli.Common;

namespace Clip.Cli.Evaluation;

/// <summary>
/// The name each class is prompted with. By default a class's own name with <c>_</c> read as a space
/// (<c>golden_retriever</c> becomes "golden retriever"); a JSON file mapping names to prompt names replaces that
/// for the classes it lists, as needed for folders named by ids such as ImageNet's <c>n01440764</c>.
/// </summary>
internal sealed class ClassNames
{
    private readonly IReadOnlyDictionary<string, string> _mapped;

    private ClassNames(IReadOnlyDictionary<string, string> mapped)
    {
        _mapped = mapped;
    }

    /// <summary>The default naming, or the mapping in <paramref name="file"/>, such as <c>{"n01": "x"}</c>.</summary>
    public static ClassNames Load(FileInfo? file)
    {
        if (file is null)
        {
            return new ClassNames(new Dictionary<string, string>());
        }

        if (!file.Exists)
        {
            throw new CliException($"The class names file '{file.FullName}' does not exist.");
        }

        try
        {
            Dictionary<string, string>? mapped = JsonSerializer.Deserialize<Dictionary<string, string>>(
                File.ReadAllBytes(file.FullName));
            return mapped is not null && mapped.Values.All(name => !string.IsNullOrWhiteSpace(name))
                ? new ClassNames(mapped)
                : throw new CliException($"'{file.FullName}' must map class names to non-empty prompt names.");
        }
        catch (JsonException e)
        {
            throw new CliException(
                $"'{file.FullName}' must be a JSON object of strings, such as {{\"n01440764\": \"tench\"}}: " +
                e.Message);
        }
    }

    /// <summary>The prompt name of each class, in order; throws when two classes would share one.</summary>
    public IReadOnlyList<string> For(IReadOnlyList<string> classes)
    {
        string[] names = classes
            .Select(name => _mapped.TryGetValue(name, out string? mapped) ? mapped : name.Replace('_', ' ').Trim())
            .ToArray();
        string? repeated = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return repeated is null
            ? names
            : throw new CliException($"Two classes are both prompted as '{repeated}'; give them distinct names.");
    }
}
