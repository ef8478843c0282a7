namespace Clip.Cli.Definitions;

/// <summary>The kinds of stored definitions, as <c>clip definitions</c> names them.</summary>
internal enum DefinitionKind
{
    /// <summary>A zero-shot label set.</summary>
    LabelSet,

    /// <summary>A zero-shot moderation policy.</summary>
    Policy,

    /// <summary>A trained linear probe.</summary>
    Probe,
}
