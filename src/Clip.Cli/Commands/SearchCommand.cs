using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Curation;
using Pipeline.Processing.Curation;
using Pipeline.Storage;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip search --db CONN (--text T | --image PATH|URI | --outliers labels|neighbours) [--top K]
/// [--label SET:LABEL] [--policy P --decision D] [--model NAME]</c>: nearest images through pgvector, one JSON line
/// per hit; or the outliers of the collection.
/// </summary>
internal sealed class SearchCommand : ICliCommand
{
    private readonly Option<string> _db = CurationDatabase.Option();
    private readonly Option<string?> _model = CurationDatabase.ModelOption();
    private readonly Option<string?> _text = new("--text") { Description = "Find images that match a text." };

    private readonly Option<string?> _image = new("--image")
    {
        Description = "Find images like this one: the URI of a stored image, or an image file.",
        HelpName = "PATH|URI",
    };

    private readonly Option<string?> _outliers = new("--outliers")
    {
        Description = "List outliers instead: images far from every label of --labels FILE (labels), or far from " +
            "their nearest images (neighbours).",
        HelpName = "labels|neighbours",
    };

    private readonly Option<int> _top = new("--top") { Description = "Hits to show.", DefaultValueFactory = _ => 10 };

    private readonly Option<string?> _label = new("--label")
    {
        Description = "Only images with this label, such as animals:cat.",
        HelpName = "SET:LABEL",
    };

    private readonly Option<float> _minScore = new("--min-score") { Description = "Lowest score of --label." };
    private readonly Option<string?> _policy = new("--policy") { Description = "Moderation policy of --decision." };
    private readonly Option<string?> _decision = new("--decision") { Description = "pass, review or flag." };

    private readonly Option<DirectoryInfo?> _modelDir = new("--model-dir")
    {
        Description = "Model folder that encodes --text, an --image file or --labels; it must hold the files the " +
            "model was registered from. Default: models/clip-mini.",
        HelpName = "DIR",
    };

    private readonly Option<FileInfo?> _labels = new("--labels")
    {
        Description = "Label set file for --outliers labels.",
        HelpName = "FILE",
    };

    private readonly Option<double?> _threshold = new("--threshold")
    {
        Description = "Outlier threshold: highest label cosine (default 0.2) or mean neighbour cosine (default 0.5).",
    };

    private readonly Option<int> _neighbours = new("--neighbours")
    {
        Description = "Nearest images averaged for --outliers neighbours.",
        DefaultValueFactory = _ => 5,
    };

    public Command Create()
    {
        var command = new Command("search", "Search stored images by text or image, with label and moderation " +
            "filters; or list outliers.")
        {
            _db, _model, _text, _image, _outliers, _top, _label, _minScore, _policy, _decision, _modelDir, _labels,
            _threshold, _neighbours,
        };
        _outliers.AcceptOnlyFromAmong("labels", "neighbours");
        command.Validators.Add(result =>
        {
            int modes = new[] { result.GetValue(_text), result.GetValue(_image), result.GetValue(_outliers) }
                .Count(v => v is not null);
            if (modes != 1)
            {
                result.AddError("Give one of --text, --image or --outliers.");
            }
        });
        command.SetAction((parse, token) => CommandRunner.RunAsync(parse, t => RunAsync(parse, t), token));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var database = await CurationDatabase.OpenAsync(parse.GetRequiredValue(_db), cancellationToken);
        ModelRecord model = await database.ModelAsync(parse.GetValue(_model), cancellationToken);
        await using JsonLines output = JsonLines.ToStandardOutput();
        if (parse.GetValue(_outliers) is { } mode)
        {
            var outliers = new OutlierSearch(database.Store, model, parse.GetValue(_modelDir));
            await foreach (Outlier outlier in outliers.FindAsync(mode, parse.GetValue(_labels),
                parse.GetValue(_threshold), parse.GetValue(_neighbours), cancellationToken))
            {
                output.Write(writer => HitWriter.WriteOutlier(writer, outlier));
            }

            return ExitCodes.Success;
        }

        var filter = SearchQuery.Filter(parse.GetValue(_label), parse.GetValue(_minScore), parse.GetValue(_policy),
            parse.GetValue(_decision));
        var (query, exclude) = await QueryEmbedding.ResolveAsync(database, model, parse.GetValue(_text),
            parse.GetValue(_image), parse.GetValue(_modelDir), cancellationToken);
        var hits = await database.Store.Search.SearchAsync(model, query, parse.GetValue(_top), filter,
            cancellationToken, exclude);
        for (int i = 0; i < hits.Count; i++)
        {
            int rank = i + 1;
            SearchHit hit = hits[i];
            output.Write(writer => HitWriter.WriteHit(writer, rank, hit));
        }

        return ExitCodes.Success;
    }
}
