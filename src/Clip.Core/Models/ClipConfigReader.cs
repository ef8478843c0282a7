using System.Text.Json;

namespace Clip.Core.Models;

/// <summary>Reads <c>config.json</c> in the layout Hugging Face writes for <c>CLIPModel</c>.</summary>
internal static class ClipConfigReader
{
    // Exports made before the tokenizer's ids were wired into the config carry this placeholder end-of-text id.
    private const int LegacyEndOfTextPlaceholder = 2;

    public static ClipModelConfig Read(string path)
    {
        using JsonDocument document = JsonFields.Parse(path);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ClipModelException(
                $"{path}: expected a JSON object with projection_dim, text_config and vision_config.");
        }

        int projection = JsonFields.Int(root, "projection_dim", path)
            ?? throw new ClipModelException($"{path}: 'projection_dim' (the embedding size) is missing.");
        if (projection <= 0)
        {
            throw new ClipModelException($"{path}: 'projection_dim' must be positive, found {projection}.");
        }

        JsonElement text = JsonFields.Object(root, "text_config", path)
            ?? throw new ClipModelException($"{path}: 'text_config' is missing; is this a CLIP config?");
        JsonElement vision = JsonFields.Object(root, "vision_config", path)
            ?? throw new ClipModelException($"{path}: 'vision_config' is missing; is this a CLIP config?");

        float logitScale = JsonFields.Float(root, "logit_scale", path) ?? ClipModelConfig.ClipLogitScale;
        if (!(logitScale > 0) || !float.IsFinite(logitScale))
        {
            throw new ClipModelException(
                $"{path}: 'logit_scale' must be a positive number (the exp value), found {logitScale}.");
        }

        return new ClipModelConfig(projection, logitScale, ReadText(text, path), ReadVision(vision, path));
    }

    private static ClipTextConfig ReadText(JsonElement text, string path)
    {
        int context = JsonFields.Int(text, "max_position_embeddings", path) ?? ClipTextConfig.ClipContextLength;
        int vocabulary = JsonFields.Int(text, "vocab_size", path) ?? ClipTextConfig.ClipVocabularySize;
        int? endOfText = JsonFields.Int(text, "eos_token_id", path);
        if (endOfText == LegacyEndOfTextPlaceholder)
        {
            endOfText = null;
        }

        if (context <= 0 || vocabulary <= 0 || endOfText < 0 || endOfText >= vocabulary)
        {
            throw new ClipModelException(
                $"{path}: text_config needs positive max_position_embeddings and vocab_size and an eos_token_id " +
                $"inside the vocabulary; found {context}, {vocabulary}, {endOfText}.");
        }

        return new ClipTextConfig(context, vocabulary, endOfText);
    }

    private static ClipVisionConfig ReadVision(JsonElement vision, string path)
    {
        int? imageSize = JsonFields.Int(vision, "image_size", path);
        if (imageSize <= 0)
        {
            throw new ClipModelException($"{path}: vision_config.image_size must be positive, found {imageSize}.");
        }

        return new ClipVisionConfig(imageSize);
    }
}
