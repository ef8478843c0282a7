namespace Pipeline.Storage;

/// <summary>A batch as the orchestrator plans it.</summary>
/// <param name="Index">Position of the batch in the job's listing, from 0.</param>
/// <param name="ImageCount">Number of images in the batch.</param>
public sealed record BatchPlan(int Index, int ImageCount);
