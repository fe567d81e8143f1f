namespace Extractor.Cli;

/// <summary>
/// Lets a run start without a garbage collection: the first 8 MB that the process allocates come from memory the
/// collector sets aside at once, and only a run that goes past them (a batch) collects, after which the collector
/// works as usual.
/// </summary>
/// <remarks>
/// Start-up plus one article allocated about 8 MB when this was measured (the shared word lists, the model's small
/// tables, the caches' slot arrays, the document; about 3 MB since the slot arrays start small), and the collector's
/// starting budget is a fraction of that: every run began with a compacting gen-0 collection of the word lists, 10%
/// of its CPU samples, and its survivors copied into fresh pages. A region that holds all of it makes start-up plus
/// one article 55.3 -> 46.8 ms (docs/performance.md). The region is committed at once and raises a batch's peak, so it
/// is kept near what start-up needs: 16 MB took the benchmark corpus from 83 to 89 MB (32 MB to 100); 8 MB, once
/// start-up allocated less, gave that corpus 91–94 MB where 16 MB gave 96–102 (six runs each, interleaved) with
/// start-up + one article the same (23.3 against 22.9 ms, `ab.py 30`); 4 MB made that run slower (24.7 ms).
/// </remarks>
internal static class StartupHeap
{
    /// <summary>What the process may allocate before its first collection.</summary>
    public const long NoCollectionBytes = 8L << 20;

    /// <summary>Starts the no-collection region; when the runtime declines, nothing changes.</summary>
    public static void Reserve()
    {
        try
        {
            GC.TryStartNoGCRegion(NoCollectionBytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Declined (a runtime whose segments are smaller, or a region already open): collect as usual.
        }
    }
}
