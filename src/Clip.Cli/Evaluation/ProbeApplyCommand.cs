using System.CommandLine;
using System.Text.Json;
using Clip.Cli.Commands;
using Clip.Cli.Common;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;
using Clip.Core.ZeroShot;

namespace Clip.Cli.Evaluation;

/// <summary>
/// <c>clip probe apply --probe probe.json PATH...</c>: one JSON line per image with the probe's most probable
/// class and every class's probability.
/// </summary>
internal sealed class ProbeApplyCommand : ICliCommand
{
    private readonly Option<FileInfo> _probe = new("--probe")
    {
        Description = "A probe written by clip probe train --data.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Image files or folders (walked for image files).",
        Arity = ArgumentArity.OneOrMore,
    };

    public Command Create()
    {
        var command = new Command("apply", "Label images with a trained probe: one JSON line per image.")
        {
            _probe, _model, _paths,
        };
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        LinearProbe probe = LinearProbe.Load(parseResult.GetRequiredValue(_probe).FullName);
        if (probe.Source.Features == MemeFeatures.FeatureKind)
        {
            throw new CliException(
                "This is a meme probe, which needs each image's text: use clip moderate --memes FILE --probe.");
        }

        using ClipModel model = ModelLoading.Load(
            parseResult.GetValue(_model),
            parseResult.GetValue(CommonOptions.Verbose));
        probe.EnsureCompatibleWith(FeatureSource.ImageEmbeddings(model));

        await using JsonLines output = JsonLines.ToStandardOutput();
        var embedder = new ImageEmbedder(model, ImageLoading.Create(parseResult.GetValue(CommonOptions.Verbose)));
        int failed = 0;
        IEnumerable<string> paths = ImagePaths.Expand(parseResult.GetValue(_paths) ?? []);
        await foreach (ImageResult result in embedder.EmbedAsync(paths, cancellationToken))
        {
            if (result.Error is { } error)
            {
                failed++;
                output.Write(writer => JsonResults.WriteError(writer, result.Path, error));
            }
            else
            {
                float[] probabilities = probe.PredictProbabilities(result.Embedding);
                output.Write(writer => WriteLabel(writer, result.Path, probe, probabilities));
            }

            await output.FlushAsync(cancellationToken);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    /// <summary><c>{"image", "label", "probability", "probabilities": {"cat": 0.9, ...}}</c>.</summary>
    private static void WriteLabel(Utf8JsonWriter writer, string image, LinearProbe probe, float[] probabilities)
    {
        int best = ZeroShotMath.TopK(probabilities, 1)[0];
        writer.WriteStartObject();
        writer.WriteString("image", image);
        writer.WriteString("label", probe.Classes[best]);
        writer.WriteNumber("probability", probabilities[best]);
        writer.WriteStartObject("probabilities");
        for (int c = 0; c < probabilities.Length; c++)
        {
            writer.WriteNumber(probe.Classes[c], probabilities[c]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
