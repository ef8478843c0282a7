using Clip.Core.Embeddings;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Text;
using Microsoft.Extensions.Logging;

namespace Clip.Core.Models;

/// <summary>The steps of loading a model folder, each failing with the file it concerns.</summary>
internal static class ClipModelLoader
{
    public static ClipModel Load(string directory, ClipModelOptions options, ILogger logger)
    {
        options.Validate();
        ModelFolder folder = ModelFolder.Open(directory);
        ClipModelConfig config = ClipConfigReader.Read(folder.ConfigPath);
        ImagePreprocessingSpec preprocessing = PreprocessorConfigReader.Read(folder.PreprocessorConfigPath);
        CheckImageSize(folder, config, preprocessing);
        ClipTokenizer tokenizer = TokenizerLoading.Load(folder, config);

        var factory = new OnnxSessionFactory(options);
        var binder = new TowerBinder(folder, config, preprocessing, tokenizer, options.MaxBatchSize);
        try
        {
            (ClipImageEncoder image, ClipTextEncoder text) = binder.Bind(factory);
            var info = new ClipModelInfo(
                Name: Path.GetFileName(folder.Directory.TrimEnd(Path.DirectorySeparatorChar)),
                Directory: folder.Directory,
                Layout: folder.Layout,
                EmbeddingDimension: config.ProjectionDimension,
                LogitScale: config.LogitScale,
                ContextLength: config.Text.ContextLength,
                ImageWidth: preprocessing.CropWidth,
                ImageHeight: preprocessing.CropHeight,
                ExecutionProvider: factory.Provider!.Value,
                ContentHash: ModelContentHash.Compute(folder.Directory, folder.OnnxFiles),
                OnnxFiles: folder.OnnxFiles);
            LogLoaded(logger, info, factory.CudaFallbackReason);
            return new ClipModel(info, config, preprocessing, tokenizer, image, text, binder.Resources);
        }
        catch
        {
            foreach (IDisposable resource in binder.Resources)
            {
                resource.Dispose();
            }

            throw;
        }
    }

    private static void CheckImageSize(
        ModelFolder folder,
        ClipModelConfig config,
        ImagePreprocessingSpec preprocessing)
    {
        int width = preprocessing.CropWidth;
        int height = preprocessing.CropHeight;
        if (config.Vision.ImageSize is int size && (width != size || height != size))
        {
            string source = folder.PreprocessorConfigPath
                ?? "CLIP's default preprocessing (no preprocessor_config.json)";
            throw new ClipModelException(
                $"Model folder {folder.Directory}: {source} crops to {width}x{height} " +
                $"but {folder.ConfigPath} gives vision_config.image_size {size}.");
        }
    }

    private static void LogLoaded(ILogger logger, ClipModelInfo info, string? cudaFallbackReason)
    {
        if (cudaFallbackReason is null)
        {
            ClipModelLog.Loaded(logger, info.Name, info.Layout, info.EmbeddingDimension, info.ExecutionProvider);
            return;
        }

        ClipModelLog.LoadedAfterCudaFallback(
            logger,
            info.Name,
            info.Layout,
            info.EmbeddingDimension,
            info.ExecutionProvider,
            cudaFallbackReason);
    }
}
