using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Pipeline.Storage.Postgres;

/// <summary>One versioned SQL script embedded as <c>Migrations/NNNN_name.sql</c>.</summary>
internal sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    [GeneratedRegex(@"^Migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();

    /// <summary>Every embedded script, in version order.</summary>
    public static IReadOnlyList<MigrationScript> LoadAll()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            scripts.Add(new MigrationScript(version, match.Groups["name"].Value, Read(assembly, resource)));
        }

        scripts.Sort((left, right) => left.Version.CompareTo(right.Version));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
