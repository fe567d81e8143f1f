namespace Extractor.Cli;

/// <summary>
/// Lets a run start without a garbage collection: the first 16 MB that the process allocates come from memory the
/// collector sets aside at once, and only a run that goes past them (a batch) collects, after which the collector
/// works as usual.
/// </summary>
/// <remarks>
/// Start-up plus one article allocated about 8 MB when this was measured (the shared word lists, the model's small
/// tables, the caches' slot arrays, the document; about 3 MB since the slot arrays start small), and the collector's
/// starting budget is a fraction of that: every run began with a compacting gen-0 collection of the word lists, 10%
/// of its CPU samples, and its survivors copied into fresh pages. A region that holds all of it makes start-up plus
/// one article 55.3 -> 46.8 ms (docs/performance.md). Its size stays small beside a batch's peak (83 -> 89 MB on the
/// benchmark corpus; 32 MB raised it to 100); a smaller one, now that start-up allocates less, is not measured yet.
/// </remarks>
internal static class StartupHeap
{
    /// <summary>What the process may allocate before its first collection.</summary>
    public const long NoCollectionBytes = 16L << 20;

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
