using System.Globalization;

namespace Extractor.IO.Batch;

/// <summary>The text of a run's status line: documents, entities, errors, tokens per second, elapsed, and, when the
/// size of the run is known, how far it has got and an estimate of the time left.</summary>
/// <remarks>Files and folders are counted up front, so progress is by inputs. A JSONL or CSV dataset's rows are unknown
/// until read, so with one among the inputs progress is by bytes of input read instead. From standard input there
/// are rates alone.</remarks>
/// <param name="total">How many inputs the run will report (documents plus failures), when known.</param>
/// <param name="totalBytes">The input files' total size, when <paramref name="total"/> is not known but that is.</param>
internal sealed class ProgressStatus(int? total = null, long? totalBytes = null)
{
    /// <summary>The status after <paramref name="elapsed"/> with <paramref name="s"/> done.</summary>
    public string Text(RunSummary s, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{s.Documents} documents · {s.Entities} entities · {s.Errors} errors · {s.Tokens / seconds:F0} tokens/s · {seconds:F0} s");
        if (total is { } inputs && inputs > 0)
        {
            // Failures are inputs too; a folder that could not be listed adds one the count did not have.
            int done = Math.Min(s.Documents + s.Errors, inputs);
            line = string.Create(CultureInfo.InvariantCulture, $"{done}/{inputs} inputs ({100.0 * done / inputs:F0}%) · ") + line;
            return WithEta(line, done, inputs, seconds);
        }
        if (totalBytes is { } bytes && bytes > 0)
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
}
