using Clip.Core.Imaging.Preprocessing;
using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Models;

/// <summary>
/// Checks the sizes an ONNX graph fixes against what <c>config.json</c> and <c>preprocessor_config.json</c> say, so
/// a mismatch fails at load with both sources named instead of inside the first run.
/// </summary>
internal sealed class TowerShapeChecks
{
    private readonly ModelFolder _folder;
    private readonly ClipModelConfig _config;
    private readonly ImagePreprocessingSpec _preprocessing;

    public TowerShapeChecks(ModelFolder folder, ClipModelConfig config, ImagePreprocessingSpec preprocessing)
    {
        _folder = folder;
        _config = config;
        _preprocessing = preprocessing;
    }

    public void ImageInput(InferenceSession session, string file)
    {
        int? channels = GraphContract.FixedDimension(session, GraphTensor.PixelValues, 1);
        int? height = GraphContract.FixedDimension(session, GraphTensor.PixelValues, 2);
        int? width = GraphContract.FixedDimension(session, GraphTensor.PixelValues, 3);
        if (channels is not (null or 3))
        {
            throw new ClipModelException($"{file}: input 'pixel_values' has {channels} channels; expected 3 (RGB).");
        }

        if ((height ?? _preprocessing.CropHeight) != _preprocessing.CropHeight
            || (width ?? _preprocessing.CropWidth) != _preprocessing.CropWidth)
        {
            string source = _folder.PreprocessorConfigPath ?? "CLIP's default preprocessing";
            throw new ClipModelException(
                $"{file}: input 'pixel_values' takes {height}x{width} images but {source} crops to " +
                $"{_preprocessing.CropHeight}x{_preprocessing.CropWidth}.");
        }
    }

    public void TextInput(InferenceSession session, string file)
    {
        int? length = GraphContract.FixedDimension(session, GraphTensor.InputIds, 1);
        if ((length ?? _config.Text.ContextLength) != _config.Text.ContextLength)
        {
            throw new ClipModelException(
                $"{file}: input 'input_ids' takes {length} ids per text but {_folder.ConfigPath} gives " +
                $"text_config.max_position_embeddings {_config.Text.ContextLength}.");
        }
    }

    public void Dimensions(string imageFile, int? imageDimension, string textFile, int? textDimension)
    {
        if (imageDimension is int a && textDimension is int b && a != b)
        {
            throw new ClipModelException(
                $"Model folder {_folder.Directory}: the towers have different embedding sizes: " +
                $"{imageFile} gives image_embeds of {a}, {textFile} gives text_embeds of {b}; both must be equal.");
        }

        foreach ((string file, string output, int? dimension) in new[]
                 {
                     (imageFile, GraphTensor.ImageEmbeds.Name, imageDimension),
                     (textFile, GraphTensor.TextEmbeds.Name, textDimension),
                 })
        {
            if (dimension is int d && d != _config.ProjectionDimension)
            {
                throw new ClipModelException(
                    $"{file}: output '{output}' has {d} values per item but {_folder.ConfigPath} gives " +
                    $"projection_dim {_config.ProjectionDimension}.");
            }
        }
    }
}
