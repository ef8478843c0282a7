using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>A trained probe read from a file, and the file's name for the report.</summary>
/// <param name="Name">The probe file's name.</param>
/// <param name="Probe">The probe.</param>
internal sealed record NamedProbe(string Name, LinearProbe Probe);
