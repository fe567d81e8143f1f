using System.Diagnostics;
using System.Globalization;

namespace Extractor.Cli.Extraction;

/// <summary>Where the runner reports progress and diagnostics on stderr.</summary>
internal interface IProgressSink
{
    /// <summary>Called after each input is written.</summary>
    void Advance(RunSummary summary);

    /// <summary>Writes one diagnostic line (warning or error) to stderr.</summary>
    void Line(string line);

    /// <summary>Clears any live display before the closing summary.</summary>
    void Finish();
}

/// <summary>stderr is a pipe or file: only diagnostics and the summary belong there, no live display.</summary>
internal sealed class PlainDiagnostics(TextWriter error) : IProgressSink
{
    public void Advance(RunSummary summary) { }

    public void Line(string line) => error.WriteLine(line);

    public void Finish() { }
}

/// <summary>stderr is a terminal: a status line (documents, tokens per second, elapsed) redrawn at most ten times a second.</summary>
/// <remarks>Inputs are streamed (a JSONL file's row count is unknown until read), so the display shows rates rather than an ETA.</remarks>
internal sealed class TerminalProgress(TextWriter error) : IProgressSink
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    public void Advance(RunSummary s)
    {
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r\u001b[K{s.Documents} documents · {s.Entities} entities · {s.Errors} errors · {s.Tokens / seconds:F0} tokens/s · {seconds:F0} s"));
        error.Flush();
        _drawn = true;
    }

    public void Line(string line)
    {
        Finish();
        error.WriteLine(line);
    }

    public void Finish()
    {
        if (!_drawn) return;
        error.Write("\r\u001b[K");
        _drawn = false;
    }
}
