using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extractor.Recognition.Features;

/// <summary>Vectorized range checks over the large blocks a model file stores (slots, classes, packed weights), run on
/// every load before lookups trust the blocks.</summary>
/// <remarks>The span helpers (<c>IndexOfAnyExceptInRange</c>, <c>IndexOfAnyInRange</c>) do the same, but their
/// instantiations for these element types are not precompiled in the ReadyToRun build, so each start compiled them
/// twice (a first tier, then an optimized one once the loop ran long) on the model's critical path; these are plain
/// methods of this assembly, precompiled like the rest (issue 33). Same speed in the native binary.</remarks>
internal static class RangeScan
{
    /// <summary>The index of the first value outside <c>[0, <paramref name="max"/>]</c>, or −1 (the first value when
    /// <paramref name="max"/> is negative: the range is empty).</summary>
    public static int IndexOfOutside(ReadOnlySpan<int> values, int max)
    {
        if (max < 0) return values.IsEmpty ? -1 : 0;
        // As unsigned numbers, the negative values lie above any non-negative maximum: one comparison checks both ends.
        var unsigned = MemoryMarshal.Cast<int, uint>(values);
        uint limit = (uint)max;
        for (int i = WholeVectorsBelow(unsigned, limit, inclusive: false); i < unsigned.Length; i++)
            if (unsigned[i] > limit) return i;
        return -1;
    }

    /// <summary>The index of the first value at or above <paramref name="min"/>, or −1.</summary>
    public static int IndexOfAtLeast(ReadOnlySpan<ulong> values, ulong min)
    {
        for (int i = WholeVectorsBelow(values, min, inclusive: true); i < values.Length; i++)
            if (values[i] >= min) return i;
        return -1;
    }

    /// <summary>How many leading values lie in whole vectors with no value above <paramref name="bound"/> (or at it,
    /// when <paramref name="inclusive"/>): where the caller's one-by-one search starts.</summary>
    /// <remarks>The bound is passed as a scalar: crossgen2 does not precompile a call that passes a 256-bit vector.</remarks>
    private static int WholeVectorsBelow<T>(ReadOnlySpan<T> values, T bound, bool inclusive) where T : unmanaged
    {
        int i = 0;
        if (!Vector256.IsHardwareAccelerated) return i;
        var bounds = Vector256.Create(bound);
        ref T start = ref MemoryMarshal.GetReference(values);
        for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var block = Vector256.LoadUnsafe(ref start, (nuint)i);
            if (inclusive ? Vector256.GreaterThanOrEqualAny(block, bounds) : Vector256.GreaterThanAny(block, bounds)) break;
        }
        return i;
    }
}
