using System.CommandLine;
using Clip.Cli.Common;
using Clip.Core.Embeddings;
using Clip.Core.Models;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip embed --model DIR (--image PATH... | --text TEXT...)</c>: one JSON line per input with its unit-length
/// embedding, or with an error for an image that could not be read.
/// </summary>
internal sealed class EmbedCommand : ICliCommand
{
    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    private readonly Option<string[]> _images = new("--image")
    {
        Description = "Image files or folders (walked for image files).",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "PATH",
    };

    private readonly Option<string[]> _texts = new("--text")
    {
        Description = "Texts to embed.",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "TEXT",
    };

    public Command Create()
    {
        var command = new Command("embed", "Embed images or texts: one JSON line per input.")
        {
            _model,
            _images,
            _texts,
        };
        command.Validators.Add(result =>
        {
            bool images = result.GetValue(_images) is { Length: > 0 };
            bool texts = result.GetValue(_texts) is { Length: > 0 };
            if (images == texts)
            {
                result.AddError(images
                    ? "Give --image or --text (one or more values), not both."
                    : "Give what to embed: --image PATH... or --text TEXT....");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using ClipModel model = ModelLoading.Load(
            parseResult.GetValue(_model),
            parseResult.GetValue(CommonOptions.Verbose));
        await using JsonLines output = JsonLines.ToStandardOutput();
        string[] texts = parseResult.GetValue(_texts) ?? [];
        if (texts.Length > 0)
        {
            EmbeddingBatch embeddings = model.TextEncoder.Encode(texts, cancellationToken);
            for (int i = 0; i < texts.Length; i++)
            {
                string text = texts[i];
                float[] embedding = embeddings.RowToArray(i);
                output.Write(writer => JsonResults.WriteEmbedding(writer, "text", text, embedding));
            }

            return ExitCodes.Success;
        }

        var embedder = new ImageEmbedder(model, ImageLoading.Create(parseResult.GetValue(CommonOptions.Verbose)));
        IEnumerable<string> paths = ImagePaths.Expand(parseResult.GetValue(_images) ?? []);
        int failed = 0;
        await foreach (ImageResult result in embedder.EmbedAsync(paths, cancellationToken))
        {
            if (result.Error is { } error)
            {
                failed++;
                output.Write(writer => JsonResults.WriteError(writer, result.Path, error));
            }
            else
            {
                output.Write(writer => JsonResults.WriteEmbedding(writer, "image", result.Path, result.Embedding!));
            }

            await output.FlushAsync(cancellationToken);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
    }
}
