namespace Clip.Cli.Evaluation;

/// <summary>One way of scoring a data set (a prompt variant, a scorer) and what it measured.</summary>
/// <param name="Name">What was scored, such as <c>ensemble: default (7 templates)</c>.</param>
/// <param name="Metrics">The figures, in column order.</param>
internal sealed record ReportRow(string Name, IReadOnlyList<ReportMetric> Metrics);
