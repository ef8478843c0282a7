using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clip.Cli.Common;

/// <summary>Writes one JSON value per line to stdout (UTF-8, non-ASCII text left readable).</summary>
internal sealed class JsonLines : IAsyncDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;

    public JsonLines(Stream output)
    {
        _output = new BufferedStream(output, 1 << 16);
        _writer = new Utf8JsonWriter(_output, WriterOptions);
    }

    public static JsonLines ToStandardOutput() => new(Console.OpenStandardOutput());

    /// <summary>Writes one line; <paramref name="write"/> writes exactly one JSON value.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        write(_writer);
        _writer.Flush();
        _writer.Reset();
        _output.WriteByte((byte)'\n');
    }

    /// <summary>Pushes written lines out, so a reader of a long run sees results as they come.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _output.DisposeAsync();
    }
}
