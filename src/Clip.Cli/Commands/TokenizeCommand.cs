using System.CommandLine;
using Clip.Cli.Common;
using Clip.Core.Text;

namespace Clip.Cli.Commands;

/// <summary>
/// <c>clip tokenize [--vocab FILE] [--model DIR]</c>: reads texts from stdin, one per line, and writes each one's
/// ids as a JSON array (start-of-text, ids, end-of-text, zero padding to the context length).
/// </summary>
internal sealed class TokenizeCommand : ICliCommand
{
    private readonly Option<FileInfo?> _vocabulary = new("--vocab")
    {
        Description = "A vocabulary file: OpenAI's bpe_simple_vocab_16e6.txt.gz, or a Hugging Face tokenizer.json.",
        HelpName = "FILE",
    };

    private readonly Option<DirectoryInfo?> _model = CommonOptions.Model();

    public Command Create()
    {
        var command = new Command(
            "tokenize",
            "Tokenize texts read from stdin (one per line): one JSON array of ids per line.")
        {
            _vocabulary,
            _model,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(_vocabulary) is not null && result.GetValue(_model) is not null)
            {
                result.AddError("Give --vocab or --model, not both.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, token => RunAsync(parseResult, token), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ClipTokenizer tokenizer = LoadTokenizer(parseResult.GetValue(_vocabulary), parseResult.GetValue(_model));
        bool interactive = !Console.IsInputRedirected;
        await using JsonLines output = JsonLines.ToStandardOutput();
        long[] ids = new long[tokenizer.ContextLength];

        // Limitation: one text per line, so a text holding a line break is read as two texts.
        while (await Console.In.ReadLineAsync(cancellationToken) is { } text)
        {
            tokenizer.Encode(text, ids);
            output.Write(writer =>
            {
                writer.WriteStartArray();
                foreach (long id in ids)
                {
                    writer.WriteNumberValue(id);
                }

                writer.WriteEndArray();
            });
            if (interactive)
            {
                await output.FlushAsync(cancellationToken);
            }
        }

        return ExitCodes.Success;
    }

    private static ClipTokenizer LoadTokenizer(FileInfo? vocabulary, DirectoryInfo? model)
    {
        if (vocabulary is null)
        {
            return ClipTokenizer.FromModelDirectory(DefaultModel.Resolve(model));
        }

        if (!vocabulary.Exists)
        {
            throw new CliException($"The vocabulary file {vocabulary.FullName} does not exist.");
        }

        return vocabulary.Extension.ToLowerInvariant() switch
        {
            ".gz" => ClipTokenizer.FromBpeMergesGz(vocabulary.FullName),
            ".json" => ClipTokenizer.FromTokenizerJson(vocabulary.FullName),
            _ => throw new CliException(
                $"--vocab {vocabulary.Name}: expected a .txt.gz merge list or a tokenizer.json file."),
        };
    }
}
