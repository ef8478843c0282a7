using System.Globalization;
using System.Text.Json;
using Pipeline.Contracts;
using Pipeline.Processing.Hosting;
using Pipeline.Storage.Files;

namespace Clip.Cli.Output;

/// <summary>
/// The closing summary of <c>clip run</c>: the first images with their labels, counts, speed, and failures.
/// </summary>
internal static class RunReport
{
    private const int MaxFailuresListed = 50;

    public static void Write(TextWriter output, JobRunSummary summary, string? outputDirectory, int show)
    {
        if (outputDirectory is not null && show > 0)
        {
            WriteLabels(output, Path.Combine(outputDirectory, FileResultSink.ResultsName), show);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Images:N0} images: {summary.Embedded:N0} embedded, {summary.Labelled:N0} labelled, " +
            $"{summary.Failures.Count:N0} failed, in {summary.Elapsed.TotalSeconds:F1} s " +
            $"({summary.ImagesPerSecond:F1} images/s)"));
        foreach (ImageFailure failure in summary.Failures.Take(MaxFailuresListed))
        {
            output.WriteLine($"  failed  {Printable(failure.Uri)}: {failure.Kind}: {Printable(failure.Reason)}");
        }

        if (summary.Failures.Count > MaxFailuresListed)
        {
            output.WriteLine($"  ... and {summary.Failures.Count - MaxFailuresListed:N0} more failures");
        }

        if (outputDirectory is not null)
        {
            output.WriteLine($"Results: {outputDirectory} (results.jsonl, embeddings.parquet, embeddings.npy)");
        }
    }

    private static void WriteLabels(TextWriter output, string resultsPath, int show)
    {
        if (!File.Exists(resultsPath))
        {
            return;
        }

        int shown = 0;
        foreach (string line in File.ReadLines(resultsPath))
        {
            using var document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.GetProperty("status").GetString() != "ok"
                || !root.TryGetProperty("labels", out JsonElement labels))
            {
                continue;
            }

            string text = string.Join(", ", labels.EnumerateArray().Select(l => string.Create(
                CultureInfo.InvariantCulture,
                $"{l.GetProperty("label").GetString()} {l.GetProperty("score").GetSingle() * 100:F0}%")));
            output.WriteLine($"  {Printable(Path.GetFileName(root.GetProperty("uri").GetString()) + ": " + text)}");
            if (++shown == show)
            {
                break;
            }
        }
    }

    /// <summary>
    /// File names and labels come from users: control and bidirectional-override characters are shown as
    /// <c>\uXXXX</c> so that they can neither break the report's lines nor steer the terminal.
    /// </summary>
    internal static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool hidden = char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            result.Append(hidden ? $"\\u{(int)c:X4}" : c);
        }

        return result.ToString();
    }
}
