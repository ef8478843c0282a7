using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Processing.Curation;

/// <summary>
/// Starts a re-embedding whenever the schedule is due and none of the model is under way. A due time that finds
/// one under way is skipped, not queued. Time comes from a <see cref="TimeProvider"/>, so tests move it by hand.
/// </summary>
public sealed class ReembedScheduler : BackgroundService
{
    private readonly IReembedStarter _starter;
    private readonly ReembedOptions _options;
    private readonly ReembedSchedule _schedule;
    private readonly TimeProvider _time;
    private readonly ILogger<ReembedScheduler> _logger;
    private DateTimeOffset? _due;
    private bool _started;

    /// <summary>Creates the scheduler.</summary>
    public ReembedScheduler(
        IReembedStarter starter,
        ReembedOptions options,
        TimeProvider time,
        ILogger<ReembedScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _starter = starter;
        _options = options;
        _schedule = ReembedSchedule.Parse(options.Schedule ?? string.Empty);
        _time = time;
        _logger = logger;
    }

    /// <summary>The next time a re-embedding is due, once the first check has run.</summary>
    public DateTimeOffset? NextDue => _due;

    /// <summary>
    /// One check: the first one only fixes the next due time after now; a later one at or past the due time starts
    /// a re-embedding and moves the due time past now. Returns how long to wait before the next check.
    /// </summary>
    public async Task<TimeSpan> CheckAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (!_started)
        {
            _started = true;
            _due = _schedule.NextAfter(now);
            CurationLog.ScheduleActive(_logger, _options.Model!, _schedule.Text, _due);
        }
        else if (_due is { } due && now >= due)
        {
            _due = _schedule.NextAfter(now);
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_due is not { } next)
        {
            return _options.CheckInterval;
        }

        TimeSpan wait = next - _time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < _options.CheckInterval ? wait : _options.CheckInterval;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = await CheckAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        string model = _options.Model!;
        try
        {
            ReembedStart start = await _starter.StartAsync(model, cancellationToken).ConfigureAwait(false);
            CurationLog.ScheduledRun(_logger, model, start.Outcome, start.JobId, start.Images);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run (database down, model not registered yet) waits for the next due time.
            CurationLog.ScheduledRunFailed(_logger, e, model, _due);
        }
    }
}
