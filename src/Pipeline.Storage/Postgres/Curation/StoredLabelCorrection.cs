namespace Pipeline.Storage.Postgres.Curation;

/// <summary>A label correction as stored.</summary>
/// <param name="Id">Identifier of the row.</param>
/// <param name="Correction">What was decided.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="CorrectedAt">When it was recorded.</param>
public sealed record StoredLabelCorrection(
    long Id,
    LabelCorrection Correction,
    string SourceUri,
    DateTimeOffset CorrectedAt);
