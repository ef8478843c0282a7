namespace Pipeline.Orchestrator.Review;

/// <summary>The body of <c>POST /api/corrections</c>.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="LabelSet">The label set.</param>
/// <param name="OldLabel">The label shown, or null.</param>
/// <param name="NewLabel">The label chosen; equal to <paramref name="OldLabel"/> to accept it.</param>
internal sealed record CorrectionRequest(long ImageId, string LabelSet, string? OldLabel, string NewLabel);
