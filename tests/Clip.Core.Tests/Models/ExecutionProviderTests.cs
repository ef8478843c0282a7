using Clip.Core.Models;
using Microsoft.Extensions.Logging;

namespace Clip.Core.Tests.Models;

public sealed class ExecutionProviderTests
{
    [Fact]
    public void Load_AutoProvider_LogsExactlyOneLineNamingTheProviderChosen()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        var logger = new ListLogger();

        using ClipModel model = TestModels.Load(
            folder.Path,
            new ClipModelOptions { ExecutionProvider = ExecutionProviderPreference.Auto },
            logger);

        // On a machine without CUDA this is the fallback line; on one with CUDA, the CUDA line.
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains($"on the {model.Info.ExecutionProvider} execution provider", line.Message);
        if (model.Info.ExecutionProvider == ClipExecutionProvider.Cpu)
        {
            Assert.Contains("because CUDA could not be used", line.Message);
        }
    }

    [Fact]
    public void Load_AutoProvider_EncodesLikeCpuProvider()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        float[] image = new float[3 * 4 * 4];
        image.AsSpan(0, 16).Fill(2f);

        using ClipModel auto = TestModels.Load(folder.Path, new ClipModelOptions());
        float[] embedding = auto.ImageEncoder.Encode(image, 1).RowToArray(0);

        Assert.Equal([1f, 0f, 0f], embedding);
    }

    [Fact]
    public void Load_CpuProvider_LogsOneLineWithoutFallbackReason()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        var logger = new ListLogger();

        using ClipModel model = TestModels.Load(folder.Path, logger: logger);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("on the Cpu execution provider", line.Message);
        Assert.DoesNotContain("CUDA", line.Message);
    }
}
