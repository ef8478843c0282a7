using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip duplicates --db CONN [--model NAME] [--threshold T] [--format json|csv]</c>: finds the near-duplicate
/// groups of a model, stores them in <c>duplicate_groups</c> (replacing the model's earlier groups) and writes them.
/// </summary>
internal sealed class DuplicatesCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();
    private readonly Option<string?> _model = CurationDatabase.ModelOption();

    private readonly Option<double> _threshold = new("--threshold", "-t")
    {
        Description = "Cosine similarity at or above which two images are near-duplicates.",
        DefaultValueFactory = _ => new NearDuplicateOptions().Threshold,
    };

    private readonly Option<int> _neighbours = new("--neighbours")
    {
        Description = "Nearest images looked at per image.",
        DefaultValueFactory = _ => new NearDuplicateOptions().Neighbours,
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => "json",
        HelpName = "json|csv",
    };

    private readonly Option<FileInfo?> _out = new("--out", "-o") { Description = "Write here instead of stdout." };

    public Command Create()
    {
        var command = new Command("duplicates", "Find and store groups of near-duplicate images; export them.")
        {
            _db, _model, _threshold, _neighbours, _format, _out,
        };
        _format.AcceptOnlyFromAmong("json", "csv");
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new NearDuplicateOptions
        {
            Threshold = parse.GetValue(_threshold),
            Neighbours = parse.GetValue(_neighbours),
        };
        options.Validate();
        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        ModelRecord model = await database.ModelAsync(parse.GetValue(_model), cancellationToken);
        var groups = await new NearDuplicateFinder(database.Store).RefreshAsync(model, options, cancellationToken);

        FileInfo? file = parse.GetValue(_out);
        await using Stream output = file is null ? Console.OpenStandardOutput() : file.Create();
        if (parse.GetValue(_format) == "csv")
        {
            await DuplicateExport.WriteCsvAsync(output, groups, cancellationToken);
        }
        else
        {
            await DuplicateExport.WriteJsonAsync(output, model, options.Threshold, groups, cancellationToken);
        }

        await Console.Error.WriteLineAsync(
            $"clip: {groups.Count} groups, {groups.Sum(g => g.Members.Count)} images, threshold {options.Threshold}");
        return ExitCodes.Success;
    }
}
