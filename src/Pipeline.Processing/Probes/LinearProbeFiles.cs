using Clip.Core.Probes;
using Pipeline.Contracts;

namespace Pipeline.Processing.Probes;

/// <summary>
/// Reads probe files written by <c>clip probe train</c> (see <see cref="LinearProbeFile"/>) into the definitions
/// that jobs carry. A file holds no name: a job stores the probe's labels under the name given here.
/// </summary>
public static class LinearProbeFiles
{
    /// <summary>
    /// Loads a probe file; the probe is named after the file (without extension) unless <paramref name="name"/> is
    /// given. Throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/> naming the file.
    /// </summary>
    public static LinearProbeDefinition Load(string path, string? name = null, float? minProbability = null)
    {
        LinearProbe probe = LinearProbeFile.Read(path);
        return probe.ToDefinition(
            string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(path) : name,
            minProbability);
    }

    /// <summary>
    /// Reads the JSON text of a probe file as the probe <paramref name="name"/>; <paramref name="source"/> names
    /// the text in messages. Throws <see cref="FormatException"/> for anything wrong with it.
    /// </summary>
    public static LinearProbeDefinition Parse(string json, string source, string name, float? minProbability)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return LinearProbeFile.Parse(json, source).ToDefinition(name, minProbability);
    }
}
