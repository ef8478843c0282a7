using System.Text.Json;

namespace Clip.Core.Tests.Embeddings;

/// <summary>
/// The committed random-weight model <c>tests/fixtures/tiny-clip</c> and its PyTorch reference outputs
/// (<c>reference.json</c>: input formula, token ids, unnormalised embeddings, tolerance).
/// </summary>
internal sealed class TinyClipReference
{
    private TinyClipReference(JsonElement root)
    {
        ImageEmbeds = Rows(root.GetProperty("image_embeds"));
        TextEmbeds = Rows(root.GetProperty("text_embeds"));
        InputIds = root.GetProperty("input_ids").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(id => id.GetInt64()).ToArray())
            .ToArray();
        Texts = root.GetProperty("texts").EnumerateArray().Select(text => text.GetString()!).ToArray();
        Tolerance = root.GetProperty("tolerance").GetSingle();
    }

    public static string Directory => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    public float[][] ImageEmbeds { get; }

    public float[][] TextEmbeds { get; }

    public long[][] InputIds { get; }

    public string[] Texts { get; }

    public float Tolerance { get; }

    public static TinyClipReference Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "reference.json")));
        return new TinyClipReference(document.RootElement.Clone());
    }

    /// <summary>The reference images: pixel (b, c, y, x) = ((b*7 + c*3 + y*5 + x*11) mod 17) / 8 - 1.</summary>
    public static float[] Pixels(int count, int size = 224)
    {
        float[] values = new float[count * 3 * size * size];
        int i = 0;
        for (int b = 0; b < count; b++)
        {
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < size; y++)
                {
                    for (int x = 0; x < size; x++)
                    {
                        values[i++] = ((((b * 7) + (c * 3) + (y * 5) + (x * 11)) % 17) / 8f) - 1f;
                    }
                }
            }
        }

        return values;
    }

    private static float[][] Rows(JsonElement rows) => rows.EnumerateArray()
        .Select(row => row.EnumerateArray().Select(value => value.GetSingle()).ToArray())
        .ToArray();
}
