namespace Clip.Core.Moderation;

/// <summary>One meme of the Hateful Memes data set (Kiela et al. 2020).</summary>
/// <param name="Id">The meme's id, as written in the file.</param>
/// <param name="ImagePath">The image file, as a full path.</param>
/// <param name="Text">The text printed on the image, as transcribed in the data set.</param>
/// <param name="Hateful">The label (1 = hateful), or null in an unlabelled split.</param>
public sealed record HatefulMeme(string Id, string ImagePath, string Text, bool? Hateful);
