namespace Pipeline.Storage.Postgres.Curation;

/// <summary>An image with the score and decision a moderation policy gave it.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="SourceUri">Where the image was read from.</param>
/// <param name="ModelId">The model that scored it.</param>
/// <param name="Score">The policy's score.</param>
/// <param name="Decision">The policy's decision.</param>
public sealed record FlaggedImage(
    long ImageId,
    string SourceUri,
    int ModelId,
    float Score,
    ModerationDecision Decision);
