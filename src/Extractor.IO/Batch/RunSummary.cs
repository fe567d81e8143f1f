using Extractor.IO.Sources;

namespace Extractor.IO.Batch;

/// <summary>How a run ended, for its exit status.</summary>
public enum RunOutcome
{
    /// <summary>Every input was processed and written.</summary>
    Complete,
    /// <summary>Some inputs failed (each was reported); the others were written.</summary>
    SomeInputsFailed,
    /// <summary>Interrupted; what was written is whole, and a target file was left as it was.</summary>
    Interrupted,
    /// <summary>The output could not be written: records were lost.</summary>
    OutputFailed,
}

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

    /// <summary>Writes the run's closing lines to <paramref name="error"/> (the write error and where the output was
    /// left; the summary unless <see cref="ExtractOptions.Quiet"/>, which an interruption overrides) and says how it ended.</summary>
    public RunOutcome Close(ExtractOptions options, TextWriter error, TimeSpan elapsed)
    {
        if (OutputFailure is not null)
        {
            string shown = options.Target is { } t ? DiagnosticText.Escape(t.Given) : "standard output";
            string kept = options.Target is { IsSpecial: false } ? $"; {shown} was left as it was" : "";
            error.WriteLine($"error: {shown}: cannot write output ({OutputFailure}){kept}");
            error.WriteLine("failed: " + Describe(elapsed));
            return RunOutcome.OutputFailed;
        }
        if (!options.Quiet || Interrupted) error.WriteLine((Interrupted ? "interrupted: " : "extracted ") + Describe(elapsed));
        return Interrupted ? RunOutcome.Interrupted : Errors > 0 ? RunOutcome.SomeInputsFailed : RunOutcome.Complete;
    }

    public string Describe(TimeSpan elapsed) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Documents} documents, {Entities} entities, {Mentions} mentions, {Errors} errors, {Warnings} warnings in {elapsed.TotalSeconds:F1} s ({(elapsed.TotalSeconds > 0 ? Tokens / elapsed.TotalSeconds : 0):F0} tokens/s)");
}
