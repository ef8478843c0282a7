using Clip.Core.Probes;

namespace Clip.Core.Tests.Probes;

/// <summary>Probe files written by hand or damaged: each is a FormatException naming the problem.</summary>
public sealed class LinearProbeFileTests
{
    private const string Source = "the request body";

    [Fact]
    public void Parse_NullWeightRow_ThrowsFormatExceptionNamingTheRow()
    {
        var error = Assert.Throws<FormatException>(() => LinearProbeFile.Parse(
            File(classes: """["a", "b"]""", weights: "[[1, 0], null]"), Source));

        Assert.Contains("row 1", error.Message);
    }

    [Theory]
    [InlineData("""["a", null]""")]
    [InlineData("""["a", ""]""")]
    [InlineData("""["a", "  "]""")]
    public void Parse_ClassWithoutName_ThrowsFormatException(string classes)
    {
        var error = Assert.Throws<FormatException>(() => LinearProbeFile.Parse(File(classes), Source));

        Assert.Contains("class 1 has no name", error.Message);
    }

    [Fact]
    public void Parse_ClassNamedTwice_ThrowsFormatExceptionNamingTheClass()
    {
        var error = Assert.Throws<FormatException>(() => LinearProbeFile.Parse(File("""["cat", "cat"]"""), Source));

        Assert.Contains("'cat' twice", error.Message);
    }

    private static string File(string classes, string weights = "[[1, 0], [0, 1]]") => $$"""
        { "format": "clip-linear-probe", "version": 1, "model_name": "m", "model_content_hash": "h",
          "features": "image", "embedding_dimension": 2, "lambda": 0.1, "classes": {{classes}},
          "weights": {{weights}}, "bias": [0, 0], "cross_validated_accuracy": null }
        """;
}
