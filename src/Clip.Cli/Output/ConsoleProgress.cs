using System.Diagnostics;
using Pipeline.Processing.Jobs;

namespace Clip.Cli.Output;

/// <summary>
/// Shows a job's progress on standard error: a bar redrawn in place on a terminal, or a plain line every few
/// seconds when standard error is redirected (logs, CI), so long runs never look stuck.
/// </summary>
internal sealed class ConsoleProgress : IProgress<JobProgress>
{
    private const int BarWidth = 28;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDrawn;
    private bool _drewInPlace;

    public ConsoleProgress(TextWriter output, bool interactive)
    {
        _output = output;
        _interactive = interactive;
    }

    public void Report(JobProgress value)
    {
        lock (_lock)
        {
            TimeSpan now = _clock.Elapsed;
            TimeSpan interval = _interactive ? RedrawInterval : PlainInterval;
            if (!value.IsFinished && _lastDrawn is { } last && now - last < interval)
            {
                return;
            }

            _lastDrawn = now;
            string line = Format(value, now);
            if (_interactive)
            {
                _output.Write("\r" + line.PadRight(Console.IsErrorRedirected ? 0 : 79));
                _drewInPlace = true;
            }
            else
            {
                _output.WriteLine(line);
            }
        }
    }

    /// <summary>Ends the line the bar was drawn on, so the summary starts on a fresh one.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_drewInPlace)
            {
                _output.WriteLine();
                _drewInPlace = false;
            }
        }
    }

    internal static string Format(JobProgress p, TimeSpan elapsed)
    {
        int done = p.Embedded + p.Failed;
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string total = p.Listed ? p.TotalImages.ToString("N0") : p.TotalImages.ToString("N0") + "+";
        double fraction = p.TotalImages > 0 ? Math.Clamp((double)done / p.TotalImages, 0, 1) : 0;
        int filled = (int)Math.Round(fraction * BarWidth);
        string bar = new string('#', filled) + new string('-', BarWidth - filled);
        string eta = p.Listed && rate > 0 && done < p.TotalImages
            ? $"  eta {TimeSpan.FromSeconds((p.TotalImages - done) / rate):m\\:ss}"
            : string.Empty;
        string failed = p.Failed > 0 ? $"  {p.Failed:N0} failed" : string.Empty;
        return $"[{bar}] {done:N0}/{total} images  {rate:F1} img/s{eta}{failed}";
    }
}
