using System.Diagnostics;
using Extractor.IO.Sources;

namespace Extractor.IO.Batch;

/// <summary>Progress on a terminal: the run's <see cref="ProgressStatus"/> redrawn in place (carriage return, erase line) at
/// most ten times a second, and cleared before any other line and at the end. The CLI uses it when stderr is a terminal.</summary>
internal sealed class TerminalProgress : IProgressSink
{
    private readonly TextWriter _error;
    private readonly ProgressStatus _status;
    private readonly Func<TimeSpan> _elapsed;
    private long _lastDraw = -1000;
    private bool _drawn;

    /// <param name="error">The terminal.</param>
    /// <param name="status">What the line says.</param>
    /// <param name="elapsed">Time since the run started; a stopwatch unless a test supplies one.</param>
    public TerminalProgress(TextWriter error, ProgressStatus status, Func<TimeSpan>? elapsed = null)
    {
        _error = error;
        _status = status;
        if (elapsed is null)
        {
            var clock = Stopwatch.StartNew();
            elapsed = () => clock.Elapsed;
        }
        _elapsed = elapsed;
    }

    /// <summary>A live status line for a run of <paramref name="options"/>: by inputs when they can be counted up front
    /// (files, folders), else by bytes when the input files are known (JSONL and CSV datasets among them), else rates
    /// alone (standard input).</summary>
    public static TerminalProgress For(ExtractOptions options, TextWriter error)
    {
        var size = new DocumentSource(options.Sources, TextReader.Null).Measure(options.Paths);
        return new TerminalProgress(error, new ProgressStatus(size.Inputs, size.Bytes));
    }

    /// <inheritdoc/>
    public void Advance(RunSummary s)
    {
        var elapsed = _elapsed();
        long now = (long)elapsed.TotalMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        _error.Write("\r\u001b[K" + _status.Text(s, elapsed));
        _error.Flush();
        _drawn = true;
    }

    /// <inheritdoc/>
    public void Line(string line)
    {
        Finish();
        _error.WriteLine(line);
    }

    /// <inheritdoc/>
    public void Finish()
    {
        if (!_drawn) return;
        _error.Write("\r\u001b[K");
        _drawn = false;
    }
}
