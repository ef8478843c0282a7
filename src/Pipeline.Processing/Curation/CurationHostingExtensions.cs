using Clip.Core.Imaging.Decoding;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Processing.Hosting;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Postgres.Curation;

namespace Pipeline.Processing.Curation;

/// <summary>Adds curation to an orchestrator: queries, re-embedding (with its listing) and its schedule.</summary>
public static class CurationHostingExtensions
{
    /// <summary>Key of the model folder whose text encoder answers text searches (the workers' key).</summary>
    public const string QueryModelKey = DistributedSettings.ModelKey;

    /// <summary>
    /// Registers the curation store, the re-embedding starter, the decoding limits that images served to the
    /// review page obey (<c>ImageDecoding</c>) and, when <c>Reembed:Schedule</c> is set, the scheduler. Call after
    /// <see cref="DistributedHostingExtensions.AddClipOrchestrator"/>.
    /// </summary>
    public static IHostApplicationBuilder AddClipCuration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ReembedOptions();
        builder.Configuration.GetSection(ReembedOptions.SectionName).Bind(options);
        options.Validate();

        var decoding = new ImageDecodingOptions();
        builder.Configuration.GetSection(ImageDecodingOptions.SectionName).Bind(decoding);
        decoding.Validate();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(decoding);
        builder.Services.AddSingleton(sp => new CurationStore(sp.GetRequiredService<PostgresStorage>()));
        builder.Services.AddSingleton<NearDuplicateFinder>();
        builder.Services.AddSingleton(sp => new StoredImageReader(
            builder.Configuration[DistributedSettings.BlobKey]));
        builder.Services.AddSingleton<IReembedStarter>(sp => new ReembedStarter(
            sp.GetRequiredService<CurationStore>(),
            sp.GetRequiredService<IBus>(),
            options,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new QueryModel(builder.Configuration[QueryModelKey]));
        if (!string.IsNullOrWhiteSpace(options.Schedule))
        {
            builder.Services.AddHostedService(sp => new ReembedScheduler(
                sp.GetRequiredService<IReembedStarter>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ReembedScheduler>>()));
        }

        return builder;
    }
}
