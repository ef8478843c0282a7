using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Evaluation;
using Clip.Core.Evaluation.Datasets;
using Clip.Core.Imaging.Decoding;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip eval (--zero-shot DIR | --multilabel FILE | --retrieval FILE | --memes FILE | --linear-probe DIR)</c>:
/// measures a model on a data set in a standard layout and prints a table (and JSON with <c>--json</c>).
/// </summary>
internal sealed class EvalCommand : ICliCommand
{
    private readonly EvalOptions _options = new();

    public Command Create()
    {
        EvalOptions o = _options;
        var command = new Command("eval", "Measure a model on a data set: zero-shot accuracy, mAP, retrieval " +
            "recall, hateful-meme ROC-AUC or linear-probe accuracy.")
        {
            o.ZeroShot, o.MultiLabel, o.Retrieval, o.Memes, o.LinearProbe,
            o.Model, o.Templates, o.Bare, o.Compare, o.Template, o.ClassNames, o.Images, o.Split,
            o.Policy, o.Probe, o.Folds, o.Seed, o.Exif, o.Json,
        };
        command.Validators.Add(result =>
        {
            int modes = new Option[] { o.ZeroShot, o.MultiLabel, o.Retrieval, o.Memes, o.LinearProbe }
                .Count(option => result.GetResult(option) is not null);
            if (modes != 1)
            {
                result.AddError(
                    "Give exactly one data set: --zero-shot, --multilabel, --retrieval, --memes or --linear-probe.");
            }

            if (result.GetValue(o.Memes) is not null && result.GetValue(o.Policy) is null)
            {
                result.AddError("--memes needs --policy FILE, the moderation policy to score zero-shot.");
            }

            if (result.GetValue(o.Bare) && result.GetValue(o.Compare))
            {
                result.AddError("Give --bare or --compare, not both (--compare includes the bare class names).");
            }

            if (result.GetValue(o.Folds) is < 0 or 1)
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
        Evaluate evaluate = Prepare(parseResult);
        bool verbose = parseResult.GetValue(CommonOptions.Verbose);
        using ClipModel model = ModelLoading.Load(parseResult.GetValue(_options.Model), verbose);
        bool upright = parseResult.GetValue(_options.Exif) == "apply";
        var decoding = new ImageDecodingOptions { ApplyExifOrientation = upright };
        var images = new EvaluationImages(model, decoding, verbose);
        EvaluationReport report = await evaluate(model, images, cancellationToken);

        ReportWriter.WriteTable(report, Console.Out);
        if (parseResult.GetValue(_options.Json) is { } json)
        {
            await ReportWriter.WriteJsonAsync(report, json.FullName, cancellationToken);
        }

        foreach (ImageFileFailure failure in report.Failures)
        {
            await Console.Error.WriteLineAsync($"clip: left out {failure.Path}: {failure.Reason}");
        }

        return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    private delegate Task<EvaluationReport> Evaluate(
        ClipModel model,
        EvaluationImages images,
        CancellationToken cancellationToken);

    /// <summary>Reads the data set and the files the run needs, so bad input fails before the model loads.</summary>
    private Evaluate Prepare(ParseResult parseResult)
    {
        EvalOptions o = _options;
        ClassNames names = Evaluation.ClassNames.Load(parseResult.GetValue(o.ClassNames));
        string? imageRoot = parseResult.GetValue(o.Images)?.FullName;
        int folds = parseResult.GetValue(o.Folds);
        int seed = parseResult.GetValue(o.Seed);

        if (parseResult.GetValue(o.ZeroShot) is { } zeroShot)
        {
            ClassFolderDataset data = RequireClasses(ClassFolderDataset.Scan(zeroShot.FullName));
            IReadOnlyList<string> classNames = names.For(data.Classes);
            List<PromptVariant> variants = PromptVariants(parseResult);
            return (model, images, token) =>
                ZeroShotEvaluation.RunAsync(model, images, data, classNames, variants, token);
        }

        if (parseResult.GetValue(o.MultiLabel) is { } multiLabel)
        {
            var data = MultiLabelDataset.Load(multiLabel.FullName, imageRoot);
            IReadOnlyList<string> classNames = names.For(data.Classes);
            PromptVariant prompts = PromptVariants(parseResult)[^1];
            return (model, images, token) =>
                MultiLabelEvaluation.RunAsync(model, images, data, classNames, prompts, token);
        }

        if (parseResult.GetValue(o.Retrieval) is { } retrieval)
        {
            var data = RetrievalDataset.LoadKarpathy(retrieval.FullName, parseResult.GetValue(o.Split)!, imageRoot);
            return (model, images, token) => RetrievalEvaluation.RunAsync(model, images, data, token);
        }

        if (parseResult.GetValue(o.Memes) is { } memes)
        {
            var data = HatefulMemesDataset.Load(memes.FullName);
            ModerationPolicy policy = ModerationPolicyFile.Load(parseResult.GetValue(o.Policy)!.FullName);
            var probe = new MemeProbeChoice(LoadProbe(parseResult.GetValue(o.Probe)), folds, seed);
            return (model, images, token) => MemesEvaluation.RunAsync(model, images, data, policy, probe, token);
        }

        var probeData = RequireClasses(ClassFolderDataset.Scan(parseResult.GetValue(o.LinearProbe)!.FullName));
        if (LoadProbe(parseResult.GetValue(o.Probe)) is { } trained)
        {
            return (model, images, token) =>
                LinearProbeEvaluation.MeasureAsync(model, images, probeData, trained, token);
        }

        var options = new LinearProbeOptions { CrossValidationFolds = folds, Seed = seed };
        return (model, images, token) => LinearProbeEvaluation.RunAsync(model, images, probeData, options, token);
    }

    private List<PromptVariant> PromptVariants(ParseResult parseResult)
    {
        string choice = parseResult.GetValue(_options.Templates)!;
        var ensemble = PromptVariant.Ensemble(choice, PromptTemplates.Resolve(choice));
        PromptVariant single = PromptVariant.OneTemplate(parseResult.GetValue(_options.Template)!);
        return parseResult.GetValue(_options.Compare) ? [PromptVariant.Bare, single, ensemble]
            : parseResult.GetValue(_options.Bare) ? [PromptVariant.Bare]
            : [ensemble];
    }

    private static NamedProbe? LoadProbe(FileInfo? file) =>
        file is null ? null : new NamedProbe(file.Name, LinearProbe.Load(file.FullName));

    private static ClassFolderDataset RequireClasses(ClassFolderDataset data) => data.Classes.Count >= 2
        ? data
        : throw new CliException(
            $"'{data.Root}' needs at least two class sub-folders with images; it has {data.Classes.Count}.");
}
