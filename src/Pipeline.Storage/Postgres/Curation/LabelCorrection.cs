namespace Pipeline.Storage.Postgres.Curation;

/// <summary>
/// A person's verdict on an image's label in a label set: <paramref name="NewLabel"/> equal to
/// <paramref name="OldLabel"/> accepts the label, a different one corrects it.
/// </summary>
/// <param name="ImageId">The image.</param>
/// <param name="LabelSet">Name of the label set.</param>
/// <param name="OldLabel">The label shown to the person, or null when the image had none.</param>
/// <param name="NewLabel">The label the person chose.</param>
public sealed record LabelCorrection(long ImageId, string LabelSet, string? OldLabel, string NewLabel)
{
    /// <summary>True when the person kept the label shown.</summary>
    public bool IsAcceptance => string.Equals(OldLabel, NewLabel, StringComparison.Ordinal);
}
