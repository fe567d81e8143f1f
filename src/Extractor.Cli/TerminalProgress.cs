using System.Diagnostics;
using System.Globalization;
using Extractor.IO.Batch;

namespace Extractor.Cli;

/// <summary>stderr is a terminal: a status line (documents, tokens per second, elapsed, and when the size of the run is known, how far it has got and an ETA) redrawn at most ten times a second.</summary>
/// <remarks>Files and folders are counted up front, so progress is by inputs. A JSONL or CSV dataset's rows are unknown
/// until read, so with one among the inputs progress is by bytes of input read instead. From standard input the line
/// shows rates alone.</remarks>
internal sealed class TerminalProgress : IProgressSink
{
    private readonly TextWriter _error;
    private readonly int? _total;
    private readonly long? _totalBytes;
    private readonly Func<TimeSpan> _elapsed;
    private long _lastDraw = -1000;
    private bool _drawn;

    /// <param name="error">The terminal.</param>
    /// <param name="total">How many inputs the run will report (documents plus failures), when known.</param>
    /// <param name="totalBytes">The input files' total size, when <paramref name="total"/> is not known but that is.</param>
    /// <param name="elapsed">Time since the run started; a stopwatch unless a test supplies one.</param>
    public TerminalProgress(TextWriter error, int? total = null, long? totalBytes = null, Func<TimeSpan>? elapsed = null)
    {
        _error = error;
        _total = total;
        _totalBytes = totalBytes;
        if (elapsed is null)
        {
            var clock = Stopwatch.StartNew();
            elapsed = () => clock.Elapsed;
        }
        _elapsed = elapsed;
    }

    public void Advance(RunSummary s)
    {
        var elapsed = _elapsed();
        long now = (long)elapsed.TotalMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        _error.Write("\r\u001b[K" + Status(s, elapsed));
        _error.Flush();
        _drawn = true;
    }

    /// <summary>The status line's text.</summary>
    internal string Status(RunSummary s, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{s.Documents} documents · {s.Entities} entities · {s.Errors} errors · {s.Tokens / seconds:F0} tokens/s · {seconds:F0} s");
        if (_total is { } total && total > 0)
        {
            // Failures are inputs too; a folder that could not be listed adds one the count did not have.
            int done = Math.Min(s.Documents + s.Errors, total);
            line = string.Create(CultureInfo.InvariantCulture, $"{done}/{total} inputs ({100.0 * done / total:F0}%) · ") + line;
            return WithEta(line, done, total, seconds);
        }
        if (_totalBytes is { } bytes && bytes > 0)
        {
            // A file that grew since it was measured must not take the line past 100%.
            long done = Math.Min(s.InputBytes, bytes);
            line = string.Create(CultureInfo.InvariantCulture, $"{100.0 * done / bytes:F0}% of input · ") + line;
            return WithEta(line, done, bytes, seconds);
        }
        return line;
    }

    private static string WithEta(string line, double done, double total, double seconds)
    {
        // The first second is mostly start-up: a rate from it would promise far too long a run.
        if (done <= 0 || done >= total || seconds < 1) return line;
        return line + " · ETA " + Duration(TimeSpan.FromSeconds(seconds / done * (total - done)));
    }

    /// <summary>m:ss, or h:mm:ss from an hour.</summary>
    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:D2}");

    public void Line(string line)
    {
        Finish();
        _error.WriteLine(line);
    }

    public void Finish()
    {
        if (!_drawn) return;
        _error.Write("\r\u001b[K");
        _drawn = false;
    }
}
