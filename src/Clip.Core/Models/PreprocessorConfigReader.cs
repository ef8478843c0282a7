using System.Text.Json;
using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Models;

/// <summary>
/// Reads <c>preprocessor_config.json</c> as Hugging Face's CLIP image processor writes it. Every field that is
/// missing, and the whole file when absent, falls back to <see cref="ImagePreprocessingSpec.ClipDefault"/>.
/// </summary>
internal static class PreprocessorConfigReader
{
    public static ImagePreprocessingSpec Read(string? path)
    {
        ImagePreprocessingSpec clip = ImagePreprocessingSpec.ClipDefault;
        if (path is null)
        {
            return clip;
        }

        using JsonDocument document = JsonFields.Parse(path);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ClipModelException(
                $"{path}: expected a JSON object with crop_size, size, image_mean and image_std.");
        }

        // Limitation: do_resize, do_center_crop and resample are not read; every model is resized and cropped the
        // CLIP way (bicubic shortest edge, centre crop), which is what CLIP exports ask for.
        (int cropWidth, int cropHeight) = ReadCrop(root, path) ?? (clip.CropWidth, clip.CropHeight);
        var spec = new ImagePreprocessingSpec
        {
            ShortestEdge = ReadShortestEdge(root, path) ?? clip.ShortestEdge,
            CropWidth = cropWidth,
            CropHeight = cropHeight,
            Mean = Triple(JsonFields.FloatTriple(root, "image_mean", path)) ?? clip.Mean,
            Std = Triple(JsonFields.FloatTriple(root, "image_std", path)) ?? clip.Std,
        };
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ClipModelException($"{path}: {e.Message}", e);
        }

        return spec;
    }

    private static ChannelTriple? Triple(float[]? values) =>
        values is null ? null : new ChannelTriple(values[0], values[1], values[2]);

    // "size" is either a number or {"shortest_edge": n}; a {"height", "width"} size is a plain stretch to a fixed
    // size, which is not how CLIP resizes.
    private static int? ReadShortestEdge(JsonElement root, string path)
    {
        if (!root.TryGetProperty("size", out JsonElement size) || size.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (size.ValueKind == JsonValueKind.Number)
        {
            return JsonFields.Int(root, "size", path);
        }

        JsonElement sizeObject = JsonFields.Object(root, "size", path)!.Value;
        return JsonFields.Int(sizeObject, "shortest_edge", path)
            ?? throw new ClipModelException(
                $"{path}: 'size' should give shortest_edge (CLIP resizes the shortest edge); " +
                $"found {size.GetRawText()}.");
    }

    private static (int Width, int Height)? ReadCrop(JsonElement root, string path)
    {
        if (!root.TryGetProperty("crop_size", out JsonElement crop) || crop.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (crop.ValueKind == JsonValueKind.Number)
        {
            int side = JsonFields.Int(root, "crop_size", path)!.Value;
            return (side, side);
        }

        JsonElement cropObject = JsonFields.Object(root, "crop_size", path)!.Value;
        int? width = JsonFields.Int(cropObject, "width", path);
        int? height = JsonFields.Int(cropObject, "height", path);
        return width is int w && height is int h
            ? (w, h)
            : throw new ClipModelException(
                $"{path}: 'crop_size' should give height and width; found {crop.GetRawText()}.");
    }
}
