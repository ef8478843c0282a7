using System.Diagnostics;
using Clip.Cli.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Processing;
using Pipeline.Processing.Engine;
using Pipeline.Processing.Hosting;

namespace Clip.Cli.Bench;

/// <summary>One job of the embedded pipeline exactly as <c>clip run</c> runs it, results to files.</summary>
internal static class EmbeddedJob
{
    /// <summary>What a timed job did: its summary and the process's CPU time while it ran.</summary>
    /// <param name="Summary">The job's summary; its elapsed time excludes loading the model.</param>
    /// <param name="CpuTime">Processor time of the whole process during the job.</param>
    public sealed record Outcome(JobRunSummary Summary, TimeSpan CpuTime);

    public static async Task<Outcome> RunAsync(
        ClipEngineOptions engine,
        PipelineOptions pipeline,
        string source,
        string outputDirectory,
        CancellationToken cancellationToken)
    {
        using IHost host = EmbeddedPipeline.CreateHost(
            engine,
            pipeline,
            sink: null,
            outputDirectory,
            logging: logging => logging.AddProvider(new StandardErrorLoggerProvider(verbose: false)));
        IClipEngine clip = host.Services.GetRequiredService<IClipEngine>();
        await host.StartAsync(cancellationToken);
        try
        {
            using var process = Process.GetCurrentProcess();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            JobRunSummary summary = await host.Services.GetRequiredService<JobRunner>().RunAsync(
                source, clip.ModelName, new JobTasks([]), pipeline.BatchSize, progress: null, cancellationToken);
            process.Refresh();
            return new Outcome(summary, process.TotalProcessorTime - cpuBefore);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
