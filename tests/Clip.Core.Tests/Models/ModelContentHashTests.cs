using System.Security.Cryptography;
using System.Text;
using Clip.Core.Models;

namespace Clip.Core.Tests.Models;

public sealed class ModelContentHashTests
{
    [Fact]
    public void Compute_TwoSmallFiles_HashesPathLengthAndBytesOfEach()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        folder.Write("onnx/a.onnx", "xy");
        folder.Write("onnx/b.onnx", "z");

        string hash = ModelContentHash.Compute(folder.Path, ["onnx/a.onnx", "onnx/b.onnx"]);

        // Framing written out by hand: path, zero byte, 8-byte little-endian length, content.
        byte[] framed =
        [
            .. Encoding.UTF8.GetBytes("onnx/a.onnx"), 0, 2, 0, 0, 0, 0, 0, 0, 0, .. "xy"u8,
            .. Encoding.UTF8.GetBytes("onnx/b.onnx"), 0, 1, 0, 0, 0, 0, 0, 0, 0, .. "z"u8,
        ];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(framed)), hash);
    }

    [Fact]
    public void Compute_SameFilesInAnotherFolder_GivesSameHash()
    {
        using TestModelFolder first = TestModelFolder.Arithmetic();
        using TestModelFolder second = TestModelFolder.CopyOf(first.Path);

        using ClipModel a = TestModels.Load(first.Path);
        using ClipModel b = TestModels.Load(second.Path);

        Assert.Equal(a.Info.ContentHash, b.Info.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", a.Info.ContentHash);
    }

    [Fact]
    public void Compute_OneGraphChanged_GivesDifferentHash()
    {
        using TestModelFolder folder = TestModelFolder.Arithmetic();
        string before = ModelContentHash.Compute(folder.Path, ["onnx/vision_model.onnx", "onnx/text_model.onnx"]);
        folder.RenameInGraph("onnx/text_model.onnx", "text_embeds", "text_embedZ");

        string after = ModelContentHash.Compute(folder.Path, ["onnx/vision_model.onnx", "onnx/text_model.onnx"]);

        Assert.NotEqual(before, after);
    }
}
