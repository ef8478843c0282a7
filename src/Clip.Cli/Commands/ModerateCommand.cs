using System.CommandLine;
using Clip.Cli.Common;
using Clip.Cli.Evaluation;
using Clip.Core.Embeddings;
using Clip.Core.Models;
using Clip.Core.Moderation;
using Clip.Core.Probes;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip moderate --policy FILE [--text TEXT | --memes FILE.jsonl] [--probe FILE] PATH...</c>: scores images
/// against a moderation policy, one JSON line per image with its score and decision (flag, review or pass).
/// </summary>
internal sealed class ModerateCommand : ICliCommand
{
    private readonly Option<FileInfo> _policy = new("--policy")
    {
        Description = "The moderation policy (JSON): positive and negative prompts, flag and review thresholds.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<string?> _text = new("--text")
    {
        Description = "The text printed on the images, scored too when the policy uses image text.",
        HelpName = "TEXT",
    };

    private readonly Option<FileInfo?> _memes = new("--memes")
    {
        Description = "Score the memes of a Hateful Memes JSON lines file (id, img, text) instead of PATHs.",
        HelpName = "FILE.jsonl",
    };

    private readonly Option<FileInfo?> _probe = new("--probe")
    {
        Description = "Score with this linear probe (clip probe train) instead of the policy's prompts; the " +
            "policy's thresholds still decide. A meme probe needs the text (--memes or --text).",
        HelpName = "FILE",
    };

    private readonly Option<string> _positiveClass = new("--positive-class")
    {
        Description = "The probe class whose probability is the score.",
        DefaultValueFactory = _ => HatefulMemeEmbeddings.HatefulClass,
        HelpName = "NAME",
    };

    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = "Image files or folders (walked for image files).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Command Create()
    {
        var command = new Command("moderate", "Score images against a moderation policy: one JSON line per image.")
        {
            _policy, _model, _text, _memes, _probe, _positiveClass, _paths,
        };
        command.Validators.Add(result =>
        {
            bool paths = result.GetValue(_paths) is { Length: > 0 };
            bool memes = result.GetValue(_memes) is not null;
            if (paths == memes)
            {
                result.AddError("Give image PATHs or --memes FILE.jsonl, not both.");
            }

            if (memes && result.GetValue(_text) is not null)
            {
                result.AddError("--text applies to PATHs; memes carry their own text.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ModerationPolicy policy = ModerationPolicyFile.Load(parseResult.GetRequiredValue(_policy).FullName);
        IReadOnlyList<ModerationInput> inputs = Inputs(parseResult);
        LinearProbe? probe = parseResult.GetValue(_probe) is { } file ? LinearProbe.Load(file.FullName) : null;
        if (probe?.Source.Features == MemeFeatures.FeatureKind && inputs.Any(input => input.Text is null))
        {
            throw new CliException("A meme probe scores the image with its text: give --memes or --text.");
        }

        using ClipModel model = ModelLoading.Load(
            parseResult.GetValue(_model),
            parseResult.GetValue(CommonOptions.Verbose));
        ModerationJudge judge = probe is not null
            ? ModerationJudge.WithProbe(model, policy, probe, parseResult.GetValue(_positiveClass)!)
            : ModerationJudge.ZeroShot(model, policy, cancellationToken);

        IReadOnlyList<string> texts = inputs.Select(i => i.Text).OfType<string>().Distinct().ToArray();
        EmbeddingBatch textEmbeddings = model.TextEncoder.Encode(texts, cancellationToken);
        var textRow = texts.Select((text, row) => (text, row)).ToDictionary(p => p.text, p => p.row);

        await using JsonLines output = JsonLines.ToStandardOutput();
        var embedder = new ImageEmbedder(model, ImageLoading.Create(parseResult.GetValue(CommonOptions.Verbose)));
        int failed = 0;
        int position = 0;
        await foreach (ImageResult result in embedder.EmbedAsync(inputs.Select(i => i.ImagePath), cancellationToken))
        {
            ModerationInput input = inputs[position++];
            if (result.Error is { } error)
            {
                failed++;
                output.Write(writer => ModerationLines.WriteError(writer, input, error));
            }
            else
            {
                ReadOnlySpan<float> text = input.Text is { } t ? textEmbeddings[textRow[t]] : default;
                ModerationVerdict verdict = judge.Judge(result.Embedding, text);
                output.Write(writer => ModerationLines.WriteVerdict(writer, input, policy.Name, judge.Kind, verdict));
            }

            await output.FlushAsync(cancellationToken);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }

    private List<ModerationInput> Inputs(ParseResult parseResult)
    {
        if (parseResult.GetValue(_memes) is { } memes)
        {
            return HatefulMemesDataset.Load(memes.FullName).Memes
                .Select(meme => new ModerationInput(meme.ImagePath, meme.Id, meme.Text))
                .ToList();
        }

        string? text = parseResult.GetValue(_text);
        return ImagePaths.Expand(parseResult.GetValue(_paths) ?? [])
            .Select(path => new ModerationInput(path, null, text))
            .ToList();
    }
}
