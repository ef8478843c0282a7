using Clip.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;
using Pipeline.Storage.Results;

namespace Pipeline.Tests.Hosting;

public sealed class EmbeddedPipelineFailureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string TinyModel => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    [Fact]
    public async Task RunAsync_SinkThatAlwaysFailsToWrite_EndsTheJobInsteadOfWaitingForever()
    {
        var sink = new FailingSink(failWrites: int.MaxValue, failCompletions: 0);

        Task<JobRunSummary> run = RunOnePhotoAsync(sink, out IHost host);
        using (host)
        {
            Task first = await Task.WhenAny(run, Task.Delay(Patience));

            Assert.True(first == run, "The job never ended although its only batch cannot be written.");
        }
    }

    [Fact]
    public async Task RunAsync_SinkFailsToCompleteTheJobOnce_FinishesOnTheRetry()
    {
        var sink = new FailingSink(failWrites: 0, failCompletions: 1);

        Task<JobRunSummary> run = RunOnePhotoAsync(sink, out IHost host);
        using (host)
        {
            Task first = await Task.WhenAny(run, Task.Delay(Patience));

            Assert.True(first == run, "The job never finished after a transient failure to close its results.");
            Assert.Equal(1, (await run).Embedded);
            Assert.Equal(2, sink.CompletionAttempts);
        }
    }

    private static Task<JobRunSummary> RunOnePhotoAsync(IResultSink sink, out IHost host)
    {
        var dir = new TempDirectory();
        string photo = Directory.GetFiles(SharedData.PathOf("images", "real"), "*.jpg")
            .Order(StringComparer.Ordinal)
            .First();
        File.Copy(photo, Path.Combine(dir.Path, "photo.jpg"));
        host = EmbeddedPipeline.CreateHost(
            new ClipEngineOptions { ModelDirectory = TinyModel },
            new PipelineOptions { BatchSize = 4 },
            _ => sink,
            outputDirectory: Path.Combine(dir.Path, "out"));
        IHost started = host;
        return Task.Run(async () =>
        {
            using (dir)
            {
                var engine = started.Services.GetRequiredService<IClipEngine>();
                await started.StartAsync();
                return await started.Services.GetRequiredService<JobRunner>().RunAsync(
                    dir.Path, engine.ModelName, new JobTasks([], TopK: 1), 4, null, CancellationToken.None);
            }
        });
    }

    // A sink that fails its first writes or completions with an I/O error, as a full disk does.
    private sealed class FailingSink(int failWrites, int failCompletions) : IResultSink
    {
        private int _writes;
        private int _completions;

        public int CompletionAttempts => _completions;

        public Task WriteBatchAsync(BatchResult batch, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _writes) <= failWrites
                ? throw new IOException("No space left on device")
                : Task.CompletedTask;

        public Task CompleteJobAsync(Guid jobId, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _completions) <= failCompletions
                ? throw new IOException("No space left on device")
                : Task.CompletedTask;
    }
}
