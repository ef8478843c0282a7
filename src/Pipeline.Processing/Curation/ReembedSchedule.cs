using Cronos;

namespace Pipeline.Processing.Curation;

/// <summary>When scheduled re-embeddings are due: the occurrences of a cron expression in UTC.</summary>
public sealed class ReembedSchedule
{
    private readonly CronExpression _expression;

    private ReembedSchedule(CronExpression expression, string text)
    {
        _expression = expression;
        Text = text;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses five fields (minute first) or six (seconds first).</summary>
    /// <exception cref="ArgumentException">The expression is not valid, with the key's name.</exception>
    public static ReembedSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        int fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            return new ReembedSchedule(CronExpression.Parse(expression, format), expression);
        }
        catch (CronFormatException e)
        {
            throw new ArgumentException(
                $"{ReembedOptions.SectionName}:Schedule '{expression}' is not a cron expression: {e.Message}", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) =>
        _expression.GetNextOccurrence(instant, TimeZoneInfo.Utc, inclusive: false);
}
