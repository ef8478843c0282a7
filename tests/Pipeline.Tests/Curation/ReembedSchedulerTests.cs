using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Processing.Curation;

namespace Pipeline.Tests.Curation;

public sealed class ReembedSchedulerTests
{
    private static readonly DateTimeOffset TwoAm = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckAsync_BeforeDueTime_StartsNothingAndNeverWaitsPastIt()
    {
        var (scheduler, time, starter) = Create("0 3 * * *");

        TimeSpan first = await scheduler.CheckAsync(CancellationToken.None);
        time.Now = TwoAm.AddMinutes(59).AddSeconds(30);
        TimeSpan last = await scheduler.CheckAsync(CancellationToken.None);

        Assert.Equal(0, starter.Calls);
        Assert.Equal(TwoAm.AddHours(1), scheduler.NextDue);
        Assert.Equal(TimeSpan.FromMinutes(1), first);
        Assert.Equal(TimeSpan.FromSeconds(30), last);
    }

    [Fact]
    public async Task CheckAsync_AtDueTime_StartsOnceThenWaitsForTheNextOccurrence()
    {
        var (scheduler, time, starter) = Create("0 3 * * *");
        await scheduler.CheckAsync(CancellationToken.None);

        time.Now = TwoAm.AddHours(1);
        await scheduler.CheckAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        await scheduler.CheckAsync(CancellationToken.None);

        Assert.Equal(1, starter.Calls);
        Assert.Equal("tiny", starter.LastModel);
        Assert.Equal(TwoAm.AddDays(1).AddHours(1), scheduler.NextDue);
    }

    [Fact]
    public async Task CheckAsync_RunUnderWay_SkipsThatOccurrenceAndTriesAtTheNext()
    {
        var (scheduler, time, starter) = Create("*/15 * * * *");
        starter.Outcome = ReembedOutcome.AlreadyRunning;
        await scheduler.CheckAsync(CancellationToken.None);

        time.Now = TwoAm.AddMinutes(16);
        await scheduler.CheckAsync(CancellationToken.None);
        starter.Outcome = ReembedOutcome.Started;
        time.Now = TwoAm.AddMinutes(29);
        await scheduler.CheckAsync(CancellationToken.None);
        time.Now = TwoAm.AddMinutes(30);
        await scheduler.CheckAsync(CancellationToken.None);

        Assert.Equal(2, starter.Calls);
        Assert.Equal(TwoAm.AddMinutes(45), scheduler.NextDue);
    }

    [Fact]
    public async Task CheckAsync_StarterFails_KeepsSchedulingAfterwards()
    {
        var (scheduler, time, starter) = Create("0 * * * *");
        starter.Fail = true;
        await scheduler.CheckAsync(CancellationToken.None);

        time.Now = TwoAm.AddHours(1);
        await scheduler.CheckAsync(CancellationToken.None);

        Assert.Equal(1, starter.Calls);
        Assert.Equal(TwoAm.AddHours(2), scheduler.NextDue);
    }

    [Theory]
    [InlineData("not a cron", "tiny", "Reembed:Schedule")]
    [InlineData("0 3 * * *", null, "Reembed:Model")]
    public void Validate_BadSettings_NameTheKey(string schedule, string? model, string key)
    {
        var options = new ReembedOptions { Schedule = schedule, Model = model };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static (ReembedScheduler, ManualTimeProvider, FakeStarter) Create(string schedule)
    {
        var time = new ManualTimeProvider(TwoAm);
        var starter = new FakeStarter();
        var options = new ReembedOptions { Schedule = schedule, Model = "tiny" };
        options.Validate();
        var scheduler = new ReembedScheduler(starter, options, time, NullLogger<ReembedScheduler>.Instance);
        return (scheduler, time, starter);
    }

    private sealed class FakeStarter : IReembedStarter
    {
        public int Calls { get; private set; }

        public string? LastModel { get; private set; }

        public ReembedOutcome Outcome { get; set; } = ReembedOutcome.Started;

        public bool Fail { get; set; }

        public Task<ReembedStart> StartAsync(string modelName, CancellationToken cancellationToken)
        {
            Calls++;
            LastModel = modelName;
            return Fail
                ? Task.FromException<ReembedStart>(new InvalidOperationException("database down"))
                : Task.FromResult(new ReembedStart(Outcome, modelName, Guid.NewGuid(), 1));
        }
    }
}
