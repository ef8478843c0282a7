namespace Pipeline.Processing.Curation;

/// <summary>Re-embedding settings, bound from <c>Reembed</c>. Validated by <see cref="Validate"/> at start.</summary>
public sealed class ReembedOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Reembed";

    /// <summary>
    /// Cron expression (UTC) of scheduled re-embeddings, five fields (<c>0 3 * * *</c>: daily at 03:00) or six with
    /// seconds first. Default none: no schedule.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>Name of the model the schedule re-embeds with. Required when <see cref="Schedule"/> is set.</summary>
    public string? Model { get; set; }

    /// <summary>Images per batch of a re-embedding job. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// How long a started re-embedding counts as under way before its job is recorded; after that it is taken as
    /// abandoned (the submission was lost) and its snapshot is deleted. Default 30 minutes.
    /// </summary>
    public TimeSpan StartGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait between two checks of the schedule. Default 1 minute.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks every setting; throws naming the key of the first wrong one.</summary>
    public void Validate()
    {
        if (!string.IsNullOrWhiteSpace(Schedule))
        {
            _ = ReembedSchedule.Parse(Schedule);
            if (string.IsNullOrWhiteSpace(Model))
            {
                throw new ArgumentException($"{SectionName}:Model is required when {SectionName}:Schedule is set.");
            }
        }

        Require(BatchSize is >= 1 and <= 4096, nameof(BatchSize), "between 1 and 4096");
        Require(StartGrace > TimeSpan.Zero, nameof(StartGrace), "positive");
        Require(CheckInterval >= TimeSpan.FromSeconds(1), nameof(CheckInterval), "at least one second");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{SectionName}:{name} must be {rule}.");
        }
    }
}
