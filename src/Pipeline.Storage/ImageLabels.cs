namespace Pipeline.Storage;

/// <summary>The labels kept for one image under one label set, best first.</summary>
/// <param name="ImageId">Identifier of the image row.</param>
/// <param name="Labels">Labels in rank order: the first is rank 1.</param>
public sealed record ImageLabels(long ImageId, IReadOnlyList<LabelScore> Labels);
