using System.Globalization;
using System.Runtime.InteropServices;

namespace Extractor.Cli;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c> on the range the
/// garbage collector reserves before <c>Main</c>), so that loading the model faults in 2 MB pages instead of 4 KB ones.
/// </summary>
/// <remarks>
/// Start-up here is mostly page faults: a run over one article touched 9,800 fresh pages (the model's 22 MB of arrays,
/// the binary's data), and on this project's virtual machines a fault costs 15–18 µs, so faults were most of the 130 ms.
/// Where transparent huge pages are in <c>madvise</c> mode (Debian's and most distributions' default) the advice
/// takes 9,800 faults to 5,300 (docs/performance.md). Where they are off or already always on, it changes nothing;
/// if the call fails, nothing happens. The runtime has no setting for this, hence the reservation is found in
/// <c>/proc/self/maps</c>: the anonymous mappings that together span at least a gigabyte.
/// </remarks>
internal static class HugePages
{
    private const int MadviseHugePage = 14;

    /// <summary>The smallest run of adjacent anonymous mappings taken for the collector's reservation.</summary>
    private const ulong MinReservation = 1UL << 30;

    /// <summary>Advises the collector's reservation; returns the bytes advised (0 off Linux or when none was found).</summary>
    public static ulong Advise()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            ulong advised = 0;
            foreach (var (start, end) in AnonymousRuns(File.ReadLines("/proc/self/maps")))
            {
                if (end - start >= MinReservation && madvise((nint)start, (nuint)(end - start), MadviseHugePage) == 0) advised += end - start;
            }
            return advised;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>Adjacent anonymous mappings of <c>/proc/self/maps</c> (lines with no path), merged into runs.</summary>
    internal static IEnumerable<(ulong Start, ulong End)> AnonymousRuns(IEnumerable<string> maps)
    {
        ulong runStart = 0, runEnd = 0;
        foreach (var line in maps)
        {
            // "7f4a76d8e000-7f564400c000 ---p 00000000 00:00 0" has five fields; a file, [heap] or [stack] has a sixth.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5) continue;
            int dash = fields[0].IndexOf('-');
            if (dash < 0) continue;
            ulong start = ulong.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            ulong end = ulong.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (start == runEnd && runEnd != 0)
            {
                runEnd = end;
                continue;
            }
            if (runEnd != 0) yield return (runStart, runEnd);
            (runStart, runEnd) = (start, end);
        }
        if (runEnd != 0) yield return (runStart, runEnd);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);
}
