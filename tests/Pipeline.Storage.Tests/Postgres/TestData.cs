using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Storage.Tests.Postgres;

/// <summary>Builders for stored rows: images with hashes of their URIs, models with unique names.</summary>
internal static class TestData
{
    public static ImageObservation Image(string uri) =>
        new(uri, SHA256.HashData(Encoding.UTF8.GetBytes(uri)), 1000, 640, 480);

    public static ModelRegistration Model(int embeddingDim) =>
        new($"test-model-{Guid.NewGuid():N}", "1", embeddingDim, "sha256:0123");

    public static string Uri(string name) => $"file:///images/{Guid.NewGuid():N}/{name}.jpg";

    /// <summary>Cosine similarity computed here, independently of the database.</summary>
    public static double Cosine(float[] left, float[] right)
    {
        double dot = 0, leftNorm = 0, rightNorm = 0;
        for (var i = 0; i < left.Length; i++)
        {
            dot += left[i] * right[i];
            leftNorm += left[i] * left[i];
            rightNorm += right[i] * right[i];
        }

        return dot / Math.Sqrt(leftNorm * rightNorm);
    }
}
