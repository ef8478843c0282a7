using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip jobs --db CONN [--id JOB] [--limit N]</c>: the latest jobs with state, counts and progress; or one job
/// with its per-image errors.
/// </summary>
internal sealed class JobsCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();
    private readonly Option<Guid?> _id = new("--id") { Description = "Show this job and its image errors." };

    private readonly Option<int> _limit = new("--limit")
    {
        Description = "Jobs to list, or errors to show for --id.",
        DefaultValueFactory = _ => 20,
    };

    public Command Create()
    {
        var command = new Command("jobs", "List jobs with their progress, or show one with its image errors.")
        {
            _db, _id, _limit,
        };
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        int limit = Math.Max(1, parse.GetValue(_limit));
        TextWriter output = Console.Out;
        if (parse.GetValue(_id) is not { } id)
        {
            var jobs = await database.Store.Jobs.ListAsync(limit, cancellationToken);
            await output.WriteLineAsync(JobTable.Header);
            foreach (JobProgress job in jobs)
            {
                await output.WriteLineAsync(JobTable.Row(job));
            }

            return ExitCodes.Success;
        }

        JobProgress found = await database.Storage.Jobs.GetAsync(id, cancellationToken)
            ?? throw new CliException($"No job has id {id}.");
        await output.WriteLineAsync(JobTable.Header);
        await output.WriteLineAsync(JobTable.Row(found));
        await output.WriteLineAsync($"source: {found.Definition.Source}");
        var errors = await database.Storage.ImageErrors.ListAsync(id, limit, cancellationToken);
        await output.WriteLineAsync($"image errors: {found.ImagesFailed} (showing {errors.Count})");
        foreach (StoredImageError error in errors)
        {
            await output.WriteLineAsync($"  {error.Error.SourceUri}\t{error.Error.Kind}\t{error.Error.Reason}");
        }

        return ExitCodes.Success;
    }
}
