namespace Clip.Cli.Evaluation;

/// <summary>One measured figure of a <see cref="ReportRow"/>.</summary>
/// <param name="Name">The column it is shown under, such as <c>top-1</c>.</param>
/// <param name="Value">A share in [0, 1] (shown as a percentage), or null when it does not apply.</param>
internal sealed record ReportMetric(string Name, double? Value);
