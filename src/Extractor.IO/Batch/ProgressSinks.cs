namespace Extractor.IO.Batch;

/// <summary>Where a run reports its progress and its one-line diagnostics; the caller decides what a terminal shows.</summary>
public interface IProgressSink
{
    /// <summary>Called after each input is written.</summary>
    void Advance(RunSummary summary);

    /// <summary>Writes one diagnostic line (warning or error).</summary>
    void Line(string line);

    /// <summary>Clears any live display before the closing summary.</summary>
    void Finish();
}

/// <summary>Diagnostics only, one per line, for a pipe or a file: no live display.</summary>
public sealed class PlainDiagnostics(TextWriter error) : IProgressSink
{
    /// <inheritdoc/>
    public void Advance(RunSummary summary) { }

    /// <inheritdoc/>
    public void Line(string line) => error.WriteLine(line);

    /// <inheritdoc/>
    public void Finish() { }
}
