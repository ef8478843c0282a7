namespace Clip.Core.Evaluation.Datasets;

/// <summary>One image of a <see cref="RetrievalDataset"/> and the captions written for it.</summary>
/// <param name="ImagePath">The image file, as a full path.</param>
/// <param name="Captions">Its captions (MS-COCO and Flickr30k have five); may be empty.</param>
public sealed record RetrievalImage(string ImagePath, IReadOnlyList<string> Captions);
