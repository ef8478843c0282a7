using System.CommandLine;
using Clip.Cli.Common;
using Clip.Core.Models;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip classify --model DIR (--labels "a,b,c" | --labels-file FILE) [--templates ...] [--top K] PATH...</c>:
/// zero-shot labels for each image, one JSON line per image.
/// </summary>
internal sealed class ClassifyCommand : ICliCommand
{
    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<string?> _labels = new("--labels")
    {
        Description = "Class names separated by commas, such as \"cat,dog,bird\".",
        HelpName = "NAMES",
    };

    private readonly Option<FileInfo?> _labelsFile = new("--labels-file")
    {
        Description = "A label set file: .txt (one class per line) or .yaml/.yml/.json (classes, prompts, " +
            "templates, multi_label, thresholds).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _templates = new("--templates")
    {
        Description = "Prompt templates: default (7 of CLIP's ImageNet templates), imagenet80 (all 80), or a " +
            "file with one template per line, each with {} where the class name goes. Default: the label set " +
            "file's, else default.",
        HelpName = "default|imagenet80|FILE",
    };

    private readonly Option<int> _top = new("--top")
    {
        Description = "How many labels to give per image (single-label mode).",
        DefaultValueFactory = _ => 5,
        HelpName = "K",
    };

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Image files or folders (walked for image files).",
        Arity = ArgumentArity.OneOrMore,
    };

    public Command Create()
    {
        var command = new Command("classify", "Zero-shot labels for images: one JSON line per image.")
        {
            _model,
            _labels,
            _labelsFile,
            _templates,
            _top,
            _paths,
        };
        CommonOptions.RequireAtLeastOne(_top);
        command.Validators.Add(result =>
        {
            bool inline = result.GetValue(_labels) is not null;
            bool file = result.GetValue(_labelsFile) is not null;
            if (inline == file)
            {
                result.AddError(inline
                    ? "Give --labels or --labels-file, not both."
                    : "Give the classes with --labels \"a,b,c\" or --labels-file FILE.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = ClassificationRequest.From(
            parseResult.GetValue(_labels),
            parseResult.GetValue(_labelsFile),
            parseResult.GetValue(_templates));
        using ClipModel model = ModelLoading.Load(
            parseResult.GetValue(_model),
            parseResult.GetValue(CommonOptions.Verbose));
        var classifier = ZeroShotClassifier.Create(model, request.LabelSet, cancellationToken: cancellationToken);
        var embedder = new ImageEmbedder(model, ImageLoading.Create(parseResult.GetValue(CommonOptions.Verbose)));
        int top = parseResult.GetValue(_top);

        await using JsonLines output = JsonLines.ToStandardOutput();
        int failed = 0;
        IEnumerable<string> paths = ImagePaths.Expand(parseResult.GetValue(_paths) ?? []);
        await foreach (ImageResult result in embedder.EmbedAsync(paths, cancellationToken))
        {
            if (result.Error is { } error)
            {
                failed++;
                output.Write(writer => JsonResults.WriteError(writer, result.Path, error));
                continue;
            }

            IReadOnlyList<LabelScore> labels = request.MultiLabel
                ? classifier.ClassifyMultiLabel(result.Embedding!, request.DefaultThreshold)
                : classifier.Classify(result.Embedding!, top);
            output.Write(writer => JsonResults.WriteLabels(writer, result.Path, labels));
            await output.FlushAsync(cancellationToken);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }
}
