using Clip.Core.Embeddings;
using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Text;
using Microsoft.ML.OnnxRuntime;

namespace Clip.Core.Models;

/// <summary>
/// Opens the ONNX graphs of a model folder, checks them against the CLIP export contract, and builds the two
/// encoders over them. Everything it opens is in <see cref="Resources"/>, which the model disposes.
/// </summary>
internal sealed class TowerBinder
{
    private readonly ModelFolder _folder;
    private readonly ClipModelConfig _config;
    private readonly ImagePreprocessingSpec _preprocessing;
    private readonly ClipTokenizer _tokenizer;
    private readonly int _maxBatchSize;
    private readonly TowerShapeChecks _checks;
    private readonly List<IDisposable> _resources = [];

    public TowerBinder(
        ModelFolder folder,
        ClipModelConfig config,
        ImagePreprocessingSpec preprocessing,
        ClipTokenizer tokenizer,
        int maxBatchSize)
    {
        _folder = folder;
        _config = config;
        _preprocessing = preprocessing;
        _tokenizer = tokenizer;
        _maxBatchSize = maxBatchSize;
        _checks = new TowerShapeChecks(folder, config, preprocessing);
    }

    public IReadOnlyList<IDisposable> Resources => _resources;

    public (ClipImageEncoder Image, ClipTextEncoder Text) Bind(OnnxSessionFactory factory) =>
        _folder.Layout == ClipModelLayout.SeparateTowers ? BindSeparate(factory) : BindCombined(factory);

    private (ClipImageEncoder, ClipTextEncoder) BindSeparate(OnnxSessionFactory factory)
    {
        string visionFile = _folder.PathOf(ModelFolder.VisionModelFile);
        InferenceSession vision = Open(factory, visionFile);
        GraphContract.CheckInputs(vision, visionFile, [GraphTensor.PixelValues]);
        _checks.ImageInput(vision, visionFile);
        int? visionDimension = GraphContract.CheckOutput(vision, visionFile, GraphTensor.ImageEmbeds);

        string textFile = _folder.PathOf(ModelFolder.TextModelFile);
        InferenceSession text = Open(factory, textFile);
        GraphContract.CheckInputs(text, textFile, [GraphTensor.InputIds, GraphTensor.AttentionMask]);
        _checks.TextInput(text, textFile);
        int? textDimension = GraphContract.CheckOutput(text, textFile, GraphTensor.TextEmbeds);

        _checks.Dimensions(visionFile, visionDimension, textFile, textDimension);
        return (ImageEncoder(vision, visionFile, []), TextEncoder(text, textFile, []));
    }

    private (ClipImageEncoder, ClipTextEncoder) BindCombined(OnnxSessionFactory factory)
    {
        string file = _folder.PathOf(ModelFolder.CombinedModelFile);
        InferenceSession graph = Open(factory, file);
        GraphContract.CheckInputs(
            graph,
            file,
            [GraphTensor.PixelValues, GraphTensor.InputIds, GraphTensor.AttentionMask]);
        _checks.ImageInput(graph, file);
        _checks.TextInput(graph, file);
        int? imageDimension = GraphContract.CheckOutput(graph, file, GraphTensor.ImageEmbeds);
        int? textDimension = GraphContract.CheckOutput(graph, file, GraphTensor.TextEmbeds);
        _checks.Dimensions(file, imageDimension, file, textDimension);

        try
        {
            return BindCombinedWith(graph, file, emptyBatch: true);
        }
        catch (ClipModelException)
        {
            return BindCombinedWith(graph, file, emptyBatch: false);
        }
    }

    // One probe run per tower shows the placeholders are accepted, and checks the embedding size the graph
    // really produces, before any caller relies on it.
    private (ClipImageEncoder, ClipTextEncoder) BindCombinedWith(InferenceSession graph, string file, bool emptyBatch)
    {
        var feeds = new CombinedGraphFeeds(
            _preprocessing.CropHeight,
            _preprocessing.CropWidth,
            _config.Text.ContextLength,
            _tokenizer.EndOfTextId,
            HasAttentionMask(graph),
            emptyBatch);
        try
        {
            ClipImageEncoder image = ImageEncoder(graph, file, feeds.ForImage);
            ClipTextEncoder text = TextEncoder(graph, file, feeds.ForText);
            image.Encode(new float[image.ValuesPerImage], 1);
            long[] ids = new long[text.ContextLength];
            ids[0] = _tokenizer.EndOfTextId;
            text.Encode(ids, 1);
            _resources.Add(feeds);
            return (image, text);
        }
        catch
        {
            feeds.Dispose();
            throw;
        }
    }

    private ClipImageEncoder ImageEncoder(
        InferenceSession session,
        string file,
        IReadOnlyList<KeyValuePair<string, OrtValue>> constants)
    {
        string[] inputs = [GraphTensor.PixelValues.Name];
        var tower = new OnnxTower(session, file, inputs, GraphTensor.ImageEmbeds.Name, constants);
        return new ClipImageEncoder(
            tower,
            _preprocessing.CropHeight,
            _preprocessing.CropWidth,
            _config.ProjectionDimension,
            _maxBatchSize);
    }

    private ClipTextEncoder TextEncoder(
        InferenceSession session,
        string file,
        IReadOnlyList<KeyValuePair<string, OrtValue>> constants)
    {
        bool mask = HasAttentionMask(session);
        string[] inputs = mask
            ? [GraphTensor.InputIds.Name, GraphTensor.AttentionMask.Name]
            : [GraphTensor.InputIds.Name];
        var tower = new OnnxTower(session, file, inputs, GraphTensor.TextEmbeds.Name, constants);
        return new ClipTextEncoder(tower, mask, _tokenizer, _config.ProjectionDimension, _maxBatchSize);
    }

    private InferenceSession Open(OnnxSessionFactory factory, string file)
    {
        InferenceSession session = factory.Create(file);
        _resources.Add(session);
        return session;
    }

    private static bool HasAttentionMask(InferenceSession session) =>
        session.InputMetadata.ContainsKey(GraphTensor.AttentionMask.Name);
}
