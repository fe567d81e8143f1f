namespace Extractor.IO.Batch;

/// <summary>Counters of one run, for the closing summary line and the exit code; written by the runner's writer loop only.</summary>
public sealed class RunSummary
{
    public int Documents { get; set; }
    public int Entities { get; set; }
    public int Mentions { get; set; }
    public long Tokens { get; set; }

    /// <summary>Bytes of the input files read so far (<see cref="Extractor.IO.Sources.DocumentSource.BytesRead"/>), for progress.</summary>
    public long InputBytes { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public bool Interrupted { get; set; }
    public bool OutputClosed { get; set; }

    /// <summary>Why output could not be written (a full disk), or null: records were lost, and the exit code says so.</summary>
    public string? OutputFailure { get; set; }

    /// <summary>--fail-fast stopped the run at a failed input.</summary>
    public bool StoppedEarly { get; set; }

    public string Describe(TimeSpan elapsed) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Documents} documents, {Entities} entities, {Mentions} mentions, {Errors} errors, {Warnings} warnings in {elapsed.TotalSeconds:F1} s ({(elapsed.TotalSeconds > 0 ? Tokens / elapsed.TotalSeconds : 0):F0} tokens/s)");
}
