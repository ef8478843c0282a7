using Clip.Core.Imaging.Preprocessing;
using Clip.Core.Models;

namespace Clip.Core.Tests.Models;

public sealed class ConfigReaderTests
{
    [Fact]
    public void Read_LegacyEndOfTextPlaceholder_ReadsAsNotGiven()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("config.json", """
            { "projection_dim": 512, "text_config": { "eos_token_id": 2 }, "vision_config": {} }
            """);

        ClipModelConfig config = ClipConfigReader.Read(folder.PathOf("config.json"));

        Assert.Null(config.Text.EndOfTextTokenId);
        Assert.Equal(77, config.Text.ContextLength);
        Assert.Null(config.Vision.ImageSize);
        Assert.Equal(100f, config.LogitScale);
    }

    [Fact]
    public void Read_InitialLogitScaleOnly_IgnoresTheUntrainedValue()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("config.json", """
            { "projection_dim": 8, "logit_scale_init_value": 2.6592, "text_config": {}, "vision_config": {} }
            """);

        Assert.Equal(100f, ClipConfigReader.Read(folder.PathOf("config.json")).LogitScale);
    }

    [Theory]
    [InlineData("""{ "text_config": {}, "vision_config": {} }""", "'projection_dim' (the embedding size) is missing")]
    [InlineData("""{ "projection_dim": 8, "vision_config": {} }""", "'text_config' is missing")]
    [InlineData("""{ "projection_dim": "8", "text_config": {}, "vision_config": {} }""", "should be an integer")]
    [InlineData("""{ "projection_dim": 8, "logit_scale": -1, "text_config": {}, "vision_config": {} }""", "scale")]
    [InlineData("""{ "projection_dim": 8, """, "not valid JSON")]
    public void Read_BadConfig_ThrowsNamingFileAndProblem(string json, string expected)
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("config.json", json);

        var error = Assert.Throws<ClipModelException>(() => ClipConfigReader.Read(folder.PathOf("config.json")));

        Assert.Contains(folder.PathOf("config.json"), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ReadPreprocessor_NumbersInsteadOfObjects_ReadsSizes()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("preprocessor_config.json", """{ "crop_size": 336, "size": 336 }""");

        ImagePreprocessingSpec settings = PreprocessorConfigReader.Read(folder.PathOf("preprocessor_config.json"));

        Assert.Equal((336, 336, 336), (settings.ShortestEdge, settings.CropWidth, settings.CropHeight));
        Assert.Equal(new ChannelTriple(0.48145466f, 0.4578275f, 0.40821073f), settings.Mean);
    }

    [Fact]
    public void ReadPreprocessor_NoFile_GivesClipPreprocessing()
    {
        ImagePreprocessingSpec settings = PreprocessorConfigReader.Read(null);

        Assert.Equal((224, 224, 224), (settings.ShortestEdge, settings.CropWidth, settings.CropHeight));
        Assert.Equal(new ChannelTriple(0.26862954f, 0.26130258f, 0.27577711f), settings.Std);
    }

    [Fact]
    public void ReadPreprocessor_FixedHeightWidthResize_ThrowsAskingForShortestEdge()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("preprocessor_config.json", """{ "size": { "height": 224, "width": 224 } }""");

        var error = Assert.Throws<ClipModelException>(
            () => PreprocessorConfigReader.Read(folder.PathOf("preprocessor_config.json")));

        Assert.Contains("shortest_edge", error.Message);
    }

    [Fact]
    public void ReadPreprocessor_CropLargerThanResize_ThrowsNamingTheFile()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("preprocessor_config.json", """{ "crop_size": 256, "size": 224 }""");

        var error = Assert.Throws<ClipModelException>(
            () => PreprocessorConfigReader.Read(folder.PathOf("preprocessor_config.json")));

        Assert.Contains(folder.PathOf("preprocessor_config.json"), error.Message);
        Assert.Contains("CropWidth", error.Message);
    }
}
