using System.Globalization;
using Pipeline.Storage;

namespace Clip.Cli.Curation;

/// <summary>One line per job for <c>clip jobs</c>, in aligned columns.</summary>
internal static class JobTable
{
    public const string Header =
        "job                                   state      listed  batches      images  embedded  failed  progress  " +
        "created (UTC)";

    public static string Row(JobProgress job)
    {
        int batchesFinished = job.BatchesDone + job.BatchesFailed;
        double progress = job.BatchCount == 0
            ? (job.ListingComplete ? 1 : 0)
            : (double)batchesFinished / job.BatchCount;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Definition.Id}  {Lower(job.State),-9}  {(job.ListingComplete ? "yes" : "no"),-6}  " +
            $"{batchesFinished + "/" + job.BatchCount,-11}  {job.ImagesTotal,6}  {job.ImagesDone,8}  " +
            $"{job.ImagesFailed,6}  {progress,8:P0}  {job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
    }

    private static string Lower(JobState state) => state.ToString().ToLowerInvariant();
}
