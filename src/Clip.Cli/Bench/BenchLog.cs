using System.Diagnostics;
using System.Globalization;

namespace Clip.Cli.Bench;

/// <summary>Progress lines on stderr, each with the seconds since the bench started; stdout keeps the tables.
/// </summary>
internal sealed class BenchLog
{
    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public BenchLog(TextWriter writer)
    {
        _writer = writer;
    }

    public void Write(string message)
    {
        string seconds = _clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
        _writer.WriteLine($"bench [{seconds,5} s] {message}");
    }
}
