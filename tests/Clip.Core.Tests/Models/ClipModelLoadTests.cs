using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;

namespace Clip.Core.Tests.Models;

public sealed class ClipModelLoadTests
{
    [Fact]
    public void Load_SeparateTowers_ReadsConfigAndPreprocessing()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();

        using ClipModel model = TestModels.Load(folder.Path);

        Assert.Equal(ClipModelLayout.SeparateTowers, model.Info.Layout);
        Assert.Equal(3, model.EmbeddingDimension);
        Assert.Equal(42.5f, model.LogitScale);
        Assert.Equal(77, model.Info.ContextLength);
        Assert.Equal((4, 4), (model.ImageEncoder.ImageWidth, model.ImageEncoder.ImageHeight));
        Assert.Equal(new ChannelTriple(0.5f, 0.5f, 0.5f), model.PreprocessingSpec.Mean);
        Assert.Equal(new ChannelTriple(0.25f, 0.25f, 0.25f), model.PreprocessingSpec.Std);
        Assert.Equal(4, model.PreprocessingSpec.ShortestEdge);
        Assert.Equal(544, model.Tokenizer.EndOfTextId);
        Assert.Equal(Path.GetFileName(folder.Path), model.Name);
        Assert.Equal(ClipExecutionProvider.Cpu, model.Info.ExecutionProvider);
    }

    [Fact]
    public void Load_ConfigWithoutLogitScale_UsesClipTrainedValue()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("config.json", TestModelFolder.DefaultConfig.Replace("\"logit_scale\": 42.5,", ""));

        using ClipModel model = TestModels.Load(folder.Path);

        Assert.Equal(100f, model.LogitScale);
    }

    [Fact]
    public void Load_CombinedGraph_UsesOneFileForBothTowers()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic(combined: true);

        using ClipModel model = TestModels.Load(folder.Path);

        Assert.Equal(ClipModelLayout.CombinedTowers, model.Info.Layout);
        Assert.Equal(["onnx/model.onnx"], model.Info.OnnxFiles);
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsNamingIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        ClipModelException error = TestModels.LoadFails(missing);

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [InlineData("config.json")]
    [InlineData("onnx/text_model.onnx")]
    [InlineData("onnx/vision_model.onnx")]
    [InlineData("merges.txt")]
    public void Load_MissingFile_ThrowsNamingTheFile(string file)
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Delete(file);

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains(folder.PathOf(file), error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Load_NoTokenizerFilesAtAll_ThrowsListingWhatIsExpected()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Delete("vocab.json");
        folder.Delete("merges.txt");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("tokenizer.json", error.Message);
        Assert.Contains("vocab.json", error.Message);
    }

    [Fact]
    public void Load_NoPreprocessorConfig_UsesClipPreprocessingAndReportsTheMismatch()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Delete("preprocessor_config.json");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        // CLIP's default crop is 224 x 224, which the 4-pixel model and its config cannot take.
        Assert.Contains("224x224", error.Message);
        Assert.Contains("image_size 4", error.Message);
    }

    [Fact]
    public void Load_WrongImageInputName_ThrowsNamingFileAndExpectedInput()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.RenameInGraph("onnx/vision_model.onnx", "pixel_values", "pixel_valueZ");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains(folder.PathOf("onnx/vision_model.onnx"), error.Message);
        Assert.Contains("pixel_values (float32 [batch, 3, height, width])", error.Message);
        Assert.Contains("pixel_valueZ", error.Message);
    }

    [Fact]
    public void Load_WrongOutputName_ThrowsNamingFileAndExpectedOutput()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.RenameInGraph("onnx/text_model.onnx", "text_embeds", "text_embedZ");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains(folder.PathOf("onnx/text_model.onnx"), error.Message);
        Assert.Contains("expected an output text_embeds", error.Message);
    }

    [Fact]
    public void Load_ExtraGraphInput_ThrowsNamingTheUnexpectedInput()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.RenameInGraph("onnx/text_model.onnx", "attention_mask", "position_ids__");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("unexpected input position_ids__", error.Message);
    }

    [Fact]
    public void Load_TowersWithDifferentEmbeddingSizes_ThrowsNamingBothFiles()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic(textGraph: "text_model_dim7");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("different embedding sizes", error.Message);
        Assert.Contains(folder.PathOf("onnx/vision_model.onnx") + " gives image_embeds of 3", error.Message);
        Assert.Contains(folder.PathOf("onnx/text_model.onnx") + " gives text_embeds of 7", error.Message);
    }

    [Fact]
    public void Load_ProjectionDimDiffersFromGraphs_ThrowsNamingConfig()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        string config = TestModelFolder.DefaultConfig.Replace("\"projection_dim\": 3", "\"projection_dim\": 512");
        folder.Write("config.json", config);

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("projection_dim 512", error.Message);
        Assert.Contains("has 3 values per item", error.Message);
    }

    [Fact]
    public void Load_CropSizeDiffersFromGraphInput_ThrowsNamingBothSizes()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("config.json", TestModelFolder.DefaultConfig.Replace("\"image_size\": 4", "\"image_size\": 8"));
        folder.Write("preprocessor_config.json", """{ "crop_size": 8, "size": 8 }""");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("takes 4x4 images", error.Message);
        Assert.Contains("crops to 8x8", error.Message);
    }

    [Fact]
    public void Load_InvalidOptions_ThrowsNamingTheSetting()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => TestModels.Load(folder.Path, new ClipModelOptions { MaxBatchSize = 0 }));

        Assert.Contains("ClipModelOptions.MaxBatchSize", error.Message);
    }

    [Fact]
    public void Load_ConfigEndOfTextDiffersFromTokenizer_ThrowsNamingBoth()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        string config = TestModelFolder.DefaultConfig.Replace("\"eos_token_id\": 544", "\"eos_token_id\": 7");
        folder.Write("config.json", config);

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains("eos_token_id 7", error.Message);
        Assert.Contains("<|endoftext|> is 544", error.Message);
    }

    [Fact]
    public void Load_UnreadableTokenizerFile_ThrowsNamingTheFolder()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("vocab.json", "[ not a vocabulary");

        ClipModelException error = TestModels.LoadFails(folder.Path);

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("tokenizer files could not be read", error.Message);
    }

    [Fact]
    public void Load_TinyClipFixture_LoadsItsTokenizerAndSpec()
    {
        using ClipModel model = TestModels.Load(Clip.Core.Tests.Embeddings.TinyClipReference.Directory);

        Assert.Equal(32, model.EmbeddingDimension);
        Assert.Equal(14.285714f, model.LogitScale, 1e-5f);
        Assert.Equal(224, model.PreprocessingSpec.CropWidth);
        Assert.Equal(545, model.Tokenizer.VocabularySize);
        Assert.Equal("tiny-clip", model.Name);
    }
}
