namespace Clip.Cli.Evaluation;

/// <summary>Which probe <c>clip eval --memes</c> measures.</summary>
/// <param name="Trained">A probe trained elsewhere (on another split), or null to cross-validate.</param>
/// <param name="Folds">Folds of the cross-validated probes; 0 measures no probe.</param>
/// <param name="Seed">Seed of the fold split and the probes' λ selection.</param>
internal sealed record MemeProbeChoice(NamedProbe? Trained, int Folds, int Seed);
