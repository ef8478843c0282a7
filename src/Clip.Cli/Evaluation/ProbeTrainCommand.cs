using System.CommandLine;
using System.Globalization;
using Clip.Cli.Commands;
using Clip.Cli.Common;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Evaluation;

/// <summary>
/// <c>clip probe train (--data DIR | --memes FILE.jsonl) --out probe.json</c>: trains a linear probe on image
/// embeddings of class folders, or on image and text features of labelled memes, and reports λ and accuracy.
/// </summary>
internal sealed class ProbeTrainCommand : ICliCommand
{
    private readonly Option<DirectoryInfo?> _data = new("--data")
    {
        Description = "A folder with one sub-folder of images per class.",
        HelpName = "DIR",
    };

    private readonly Option<FileInfo?> _memes = new("--memes")
    {
        Description = "Labelled Hateful Memes JSON lines: trains a meme probe on image and text together.",
        HelpName = "FILE.jsonl",
    };

    private readonly Option<FileInfo> _out = new("--out", "-o")
    {
        Description = "Where to write the probe (JSON).",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<int> _folds = new("--folds")
    {
        Description = "Folds of the reported cross-validated accuracy; 0 skips it.",
        DefaultValueFactory = _ => 5,
        HelpName = "K",
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the validation and fold splits.",
        DefaultValueFactory = _ => 0,
        HelpName = "N",
    };

    public Command Create()
    {
        var command = new Command("train", "Train a linear probe and print the chosen λ and its accuracy.")
        {
            _data, _memes, _out, _model, _folds, _seed,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(_data) is null) == (result.GetValue(_memes) is null))
            {
                result.AddError("Give --data DIR or --memes FILE.jsonl, not both.");
            }

            if (result.GetValue(_folds) is < 0 or 1)
            {
                result.AddError("--folds must be 0 (no cross-validation) or at least 2.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        bool verbose = parseResult.GetValue(CommonOptions.Verbose);
        var options = new LinearProbeOptions
        {
            CrossValidationFolds = parseResult.GetValue(_folds),
            Seed = parseResult.GetValue(_seed),
        };
        using ClipModel model = ModelLoading.Load(parseResult.GetValue(_model), verbose);
        var images = new EvaluationImages(model, new ImageDecodingOptions(), verbose);
        (LabeledEmbeddings data, FeatureSource source, IReadOnlyList<ImageFileFailure> failures) =
            parseResult.GetValue(_data) is { } folder
                ? await ClassFoldersAsync(images, folder, cancellationToken)
                : await MemesAsync(images, parseResult.GetValue(_memes)!, cancellationToken);

        LinearProbeTrainingResult result = LinearProbeTrainer.Train(data, source, options, cancellationToken);
        string output = parseResult.GetRequiredValue(_out).FullName;
        result.Probe.Save(output);

        var counts = data.Classes.Select((name, c) => $"{name} ({data.Labels.Count(label => label == c)})");
        Console.WriteLine($"classes: {string.Join(", ", counts)}");
        Console.WriteLine($"images: {data.Count} embedded, {failures.Count} left out (unreadable)");
        Console.WriteLine(Invariant($"λ: {result.Probe.Lambda:G3}, chosen by validation log-loss"));
        Console.WriteLine(result.CrossValidatedAccuracy is { } accuracy
            ? Invariant($"cross-validated accuracy ({options.CrossValidationFolds} folds): {accuracy:P2}")
            : "cross-validated accuracy: not measured (--folds 0)");
        Console.WriteLine(Invariant($"training accuracy: {result.TrainingAccuracy:P2}"));
        Console.WriteLine($"probe: {output}");
        foreach (ImageFileFailure failure in failures)
        {
            await Console.Error.WriteLineAsync($"clip: left out {failure.Path}: {failure.Reason}");
        }

        return failures.Count == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    private static async Task<(LabeledEmbeddings, FeatureSource, IReadOnlyList<ImageFileFailure>)> ClassFoldersAsync(
        EvaluationImages images,
        DirectoryInfo folder,
        CancellationToken cancellationToken)
    {
        ClassFolderEmbeddings embedded = await images.EmbedAsync(
            ClassFolderDataset.Scan(folder.FullName),
            cancellationToken);
        return (embedded.Data, images.Source, embedded.Failures);
    }

    private static async Task<(LabeledEmbeddings, FeatureSource, IReadOnlyList<ImageFileFailure>)> MemesAsync(
        EvaluationImages images,
        FileInfo file,
        CancellationToken cancellationToken)
    {
        HatefulMemesDataset dataset = HatefulMemesDataset.Load(file.FullName);
        HatefulMemeEmbeddings memes = await images.EmbedAsync(dataset, cancellationToken);
        return (memes.ToProbeData(), memes.ProbeSource, memes.Failures);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
