using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clip.Cli.Evaluation;

/// <summary>Shows an <see cref="EvaluationReport"/> as a Markdown table, or writes it as JSON.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A heading line, then a table with one row per scorer and one column per metric, as percentages with two
    /// decimals (the way CLIP's paper reports them); a metric that does not apply shows as <c>-</c>.
    /// </summary>
    public static void WriteTable(EvaluationReport report, TextWriter output)
    {
        output.WriteLine(
            $"{report.Task}: {report.Dataset}, model {report.Model}, {report.Samples} samples" +
            (report.Failures.Count > 0 ? $", {report.Failures.Count} left out (unreadable)" : string.Empty));
        string[] columns = report.Rows.SelectMany(row => row.Metrics.Select(m => m.Name)).Distinct().ToArray();
        output.WriteLine($"| scorer | {string.Join(" | ", columns.Select(c => c + " (%)"))} |");
        output.WriteLine($"| --- |{string.Concat(columns.Select(_ => " ---: |"))}");
        foreach (ReportRow row in report.Rows)
        {
            IEnumerable<string> cells = columns.Select(column =>
                row.Metrics.FirstOrDefault(m => m.Name == column)?.Value is { } value
                    ? (100 * value).ToString("F2", CultureInfo.InvariantCulture)
                    : "-");
            output.WriteLine($"| {row.Name} | {string.Join(" | ", cells)} |");
        }
    }

    /// <summary>Writes the whole report, fractions unscaled, to <paramref name="path"/>.</summary>
    public static async Task WriteJsonAsync(EvaluationReport report, string path, CancellationToken cancellationToken)
    {
        var document = new
        {
            report.Task,
            report.Dataset,
            report.Model,
            report.Samples,
            Rows = report.Rows.Select(row => new
            {
                row.Name,
                Metrics = row.Metrics.ToDictionary(m => m.Name, m => m.Value),
            }),
            Failures = report.Failures.Select(f => new { Image = f.Path, Error = f.Reason }),
            report.Details,
        };
        await using FileStream file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, JsonOptions, cancellationToken);
    }
}
