namespace Clip.Cli.Evaluation;

/// <summary>One image for <c>clip moderate</c>.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Id">The meme's id when read from a Hateful Memes file, else null.</param>
/// <param name="Text">The text printed on the image, when known.</param>
internal sealed record ModerationInput(string ImagePath, string? Id, string? Text);
