namespace Clip.Core.Models;

/// <summary>
/// The files of a model folder in the Hugging Face export layout, checked for presence. Names are the ones
/// Hugging Face and transformers.js use, so a downloaded export works as is.
/// </summary>
internal sealed class ModelFolder
{
    public const string ConfigFile = "config.json";
    public const string PreprocessorConfigFile = "preprocessor_config.json";
    public const string TokenizerJsonFile = "tokenizer.json";
    public const string VocabularyFile = "vocab.json";
    public const string MergesFile = "merges.txt";
    public const string VisionModelFile = "onnx/vision_model.onnx";
    public const string TextModelFile = "onnx/text_model.onnx";
    public const string CombinedModelFile = "onnx/model.onnx";

    private ModelFolder(string directory, ClipModelLayout layout)
    {
        Directory = directory;
        Layout = layout;
    }

    public string Directory { get; }

    public ClipModelLayout Layout { get; }

    public string ConfigPath => PathOf(ConfigFile);

    /// <summary>The preprocessor configuration, or null when the folder has none (CLIP's defaults apply).</summary>
    public string? PreprocessorConfigPath => File.Exists(PathOf(PreprocessorConfigFile))
        ? PathOf(PreprocessorConfigFile)
        : null;

    /// <summary>The ONNX files the model runs from, relative to the folder, in a fixed order.</summary>
    public IReadOnlyList<string> OnnxFiles => Layout == ClipModelLayout.SeparateTowers
        ? [VisionModelFile, TextModelFile]
        : [CombinedModelFile];

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Checks the folder holds every file a model needs and picks the ONNX layout.</summary>
    public static ModelFolder Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new ClipModelException($"Model folder {full} does not exist.");
        }

        Require(full, ConfigFile, "the model configuration (projection_dim, text_config, vision_config)");
        RequireTokenizer(full);
        return new ModelFolder(full, PickLayout(full));
    }

    private static ClipModelLayout PickLayout(string directory)
    {
        bool vision = File.Exists(Path.Combine(directory, VisionModelFile));
        bool text = File.Exists(Path.Combine(directory, TextModelFile));
        if (vision && text)
        {
            return ClipModelLayout.SeparateTowers;
        }

        if (File.Exists(Path.Combine(directory, CombinedModelFile)))
        {
            return ClipModelLayout.CombinedTowers;
        }

        string missing = vision ? TextModelFile : VisionModelFile;
        throw new ClipModelException(
            $"Model folder {directory}: {Path.Combine(directory, missing)} is missing; expected " +
            $"{VisionModelFile} and {TextModelFile} (one ONNX graph per tower) or {CombinedModelFile} (both towers).");
    }

    private static void RequireTokenizer(string directory)
    {
        bool tokenizerJson = File.Exists(Path.Combine(directory, TokenizerJsonFile));
        bool vocabulary = File.Exists(Path.Combine(directory, VocabularyFile));
        bool merges = File.Exists(Path.Combine(directory, MergesFile));
        if (tokenizerJson || (vocabulary && merges))
        {
            return;
        }

        string detail = vocabulary || merges
            ? $"{Path.Combine(directory, vocabulary ? MergesFile : VocabularyFile)} is missing"
            : "no tokenizer files found";
        throw new ClipModelException(
            $"Model folder {directory}: {detail}; expected {TokenizerJsonFile}, " +
            $"or {VocabularyFile} with {MergesFile}.");
    }

    private static void Require(string directory, string relativePath, string whatItIs)
    {
        string path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            throw new ClipModelException($"Model folder {directory}: {path} is missing; expected {whatItIs}.");
        }
    }
}
