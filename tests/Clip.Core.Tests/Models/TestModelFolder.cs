using System.Text;
using Clip.Core.Tests.Embeddings;

namespace Clip.Core.Tests.Models;

/// <summary>
/// A model folder in a temporary directory, built from the arithmetic graphs in <c>Models/Graphs</c> (see
/// <c>make_graphs.py</c> there) with the tokenizer of <c>tests/fixtures/tiny-clip</c> (545 ids, start-of-text 543,
/// end-of-text 544), or copied from another folder; deleted on dispose.
/// </summary>
internal sealed class TestModelFolder : IDisposable
{
    public const string DefaultConfig = """
        {
          "projection_dim": 3,
          "logit_scale": 42.5,
          "text_config": { "max_position_embeddings": 77, "vocab_size": 545, "eos_token_id": 544 },
          "vision_config": { "image_size": 4 }
        }
        """;

    public const string DefaultPreprocessorConfig = """
        { "crop_size": { "height": 4, "width": 4 }, "size": { "shortest_edge": 4 },
          "image_mean": [0.5, 0.5, 0.5], "image_std": [0.25, 0.25, 0.25] }
        """;

    private TestModelFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static string GraphsDirectory =>
        System.IO.Path.Combine(SharedData.RepositoryRoot, "tests", "Clip.Core.Tests", "Models", "Graphs");

    /// <summary>A folder with the arithmetic towers, stored one graph per tower or as one combined graph.</summary>
    public static TestModelFolder Arithmetic(string textGraph = "text_model", bool combined = false)
    {
        var folder = new TestModelFolder(CreateTemporaryDirectory());
        folder.Write("config.json", DefaultConfig);
        folder.Write("preprocessor_config.json", DefaultPreprocessorConfig);
        foreach (string file in new[] { "vocab.json", "merges.txt" })
        {
            File.Copy(System.IO.Path.Combine(TinyClipReference.Directory, file), folder.PathOf(file));
        }

        if (combined)
        {
            folder.CopyGraph("model", "onnx/model.onnx");
        }
        else
        {
            folder.CopyGraph("vision_model", "onnx/vision_model.onnx");
            folder.CopyGraph(textGraph, "onnx/text_model.onnx");
        }

        return folder;
    }

    /// <summary>A copy of every file under <paramref name="source"/>.</summary>
    public static TestModelFolder CopyOf(string source)
    {
        var folder = new TestModelFolder(CreateTemporaryDirectory());
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>
    /// Replaces every occurrence of an ASCII name in a file by another of the same length. In an ONNX file that
    /// renames a tensor consistently (declaration and uses) without changing any protobuf length prefix.
    /// </summary>
    public void RenameInGraph(string relative, string name, string replacement)
    {
        Assert.Equal(name.Length, replacement.Length);
        byte[] bytes = File.ReadAllBytes(PathOf(relative));
        byte[] from = Encoding.ASCII.GetBytes(name);
        byte[] to = Encoding.ASCII.GetBytes(replacement);
        int replaced = 0;
        for (int at = bytes.AsSpan().IndexOf(from); at >= 0; at = NextIndex(bytes, from, at))
        {
            to.CopyTo(bytes, at);
            replaced++;
        }

        Assert.True(replaced > 0, $"'{name}' does not occur in {relative}.");
        File.WriteAllBytes(PathOf(relative), bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; a test must not fail for it.
        }
    }

    private void CopyGraph(string graph, string relative)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathOf(relative))!);
        File.Copy(System.IO.Path.Combine(GraphsDirectory, graph + ".onnx"), PathOf(relative));
    }

    private static int NextIndex(byte[] bytes, byte[] pattern, int previous)
    {
        int start = previous + pattern.Length;
        int found = bytes.AsSpan(start).IndexOf(pattern);
        return found < 0 ? -1 : start + found;
    }

    private static string CreateTemporaryDirectory()
    {
        string name = "clip-model-test-" + Guid.NewGuid().ToString("N");
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        return path;
    }
}
