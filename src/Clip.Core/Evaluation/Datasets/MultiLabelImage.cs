namespace Clip.Core.Evaluation.Datasets;

/// <summary>One image of a <see cref="MultiLabelDataset"/> and the classes it carries.</summary>
/// <param name="ImagePath">The image file, as a full path.</param>
/// <param name="Labels">Indices into <see cref="MultiLabelDataset.Classes"/>, ascending, without repeats.</param>
public sealed record MultiLabelImage(string ImagePath, IReadOnlyList<int> Labels);
