namespace Extractor.Recognition.Features;

/// <summary>The checks a stored open-addressing table (slots holding an index + 1, 0 when empty) must pass before lookups
/// trust it: what keeps a lookup inside the indexed array and ending at an empty slot. Shared by the word index and the
/// feature index, whose slots a model file stores (format 5).</summary>
internal static class SlotChecks
{
    /// <summary>What is wrong with <paramref name="slots"/> over <paramref name="count"/> entries, or null: the size must be a
    /// power of two above the count, every slot at most the count, and exactly the count of them in use (so one is empty).</summary>
    /// <remarks>The scans are vectorized: a pass over the shipped model's 917,504 slots is a fraction of a millisecond,
    /// where one branch per slot took about three (issue #33).</remarks>
    public static string? Problem(ReadOnlySpan<int> slots, int count)
    {
        if (!System.Numerics.BitOperations.IsPow2(slots.Length) || slots.Length <= count)
            return $"{slots.Length} slots for {count} entries";
        int past = RangeScan.IndexOfOutside(slots, count);
        if (past >= 0) return $"a slot names entry {slots[past] - 1} of {count}";
        int used = slots.Length - slots.Count(0);
        return used == count ? null : $"{used} slots in use for {count} entries";
    }
}
