using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extractor.Recognition.Features;

/// <summary>Word text → its <see cref="TokenInfo"/> description, shared by every thread tagging with one model; bounded, starts over when full.</summary>
/// <remarks>
/// Keyed by a 64-bit hash of the word's exact code units, never compared as strings: the lookup is one hash
/// over a few machine words and one probe, where a string dictionary hashed, probed and then compared the
/// characters. Two words sharing a key would share a description; at 64 bits that takes ~10^9 distinct words
/// in one cache (it holds 65,536), and the model's own features already hash words to 64 bits.
/// <para>
/// One cache serves all threads, as <c>WordScoreCache</c> does: with a cache per thread, each of two
/// threads described most word types of a batch a second time. A description depends on the word's text alone,
/// so output does not depend on which thread described a word first, or when.
/// </para>
/// </remarks>
internal sealed class DescriptionCache
{
    /// <summary>Word types kept before the cache starts over (about 8 MB of descriptions when full; the two
    /// per-thread caches it replaces held 32,768 each).</summary>
    public const int Capacity = 1 << 16;

    private InsertOnlyTable<TokenInfo> _table = new(Capacity, 1);

    /// <summary>Word types described since the cache last started over.</summary>
    internal int Count => Volatile.Read(ref _table).RowCount;

    /// <summary>Word types it holds before it starts over, now.</summary>
    internal int CurrentCapacity => Volatile.Read(ref _table).Capacity;

    /// <summary>Empties the cache, as filling it does (threads still reading the old table finish undisturbed); from then
    /// on it holds up to <paramref name="capacity"/> word types.</summary>
    public void StartOver(int capacity = Capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Volatile.Write(ref _table, new InsertOnlyTable<TokenInfo>(capacity, 1));
    }

    /// <summary>The cached description of <paramref name="word"/>, if any (none while another thread is still storing it).</summary>
    public bool TryGet(ReadOnlySpan<char> word, out ulong key, out TokenInfo info)
    {
        key = KeyOf(word);
        var table = Volatile.Read(ref _table);
        int row = table.Find(key);
        if (row >= 0)
        {
            info = table.Row(row)[0];
            return true;
        }
        info = default;
        return false;
    }

    /// <summary>Stores the description of the word whose <see cref="TryGet"/> gave <paramref name="key"/>; a no-op when another thread stored it first.</summary>
    public void Add(ulong key, in TokenInfo info)
    {
        var table = Volatile.Read(ref _table);
        int row = table.Reserve();
        if (row < 0)
        {
            // Full: start over in an empty table (one thread's replacement wins); this word is stored at its next sight.
            Interlocked.CompareExchange(ref _table, new InsertOnlyTable<TokenInfo>(table.Capacity, 1), table);
            return;
        }
        table.Row(row)[0] = info;
        table.Publish(key, row);
    }

    /// <summary>Describes every token of <paramref name="tokens"/> into <paramref name="infos"/>: a cached description is
    /// copied, any other made by <paramref name="describe"/> and stored.</summary>
    /// <remarks>
    /// A description is 140 bytes somewhere in 9 MB of rows, so copying one waited on memory at almost every token
    /// (2.5% of a run over the benchmark corpus, the copy's own samples). The keys are hashed first, then looked up
    /// <see cref="Ahead"/> tokens ahead of the copy, their slots and rows prefetched, so those waits overlap.
    /// </remarks>
    public void DescribeAll<TDescriber>(string text, ReadOnlySpan<Text.Token> tokens, Span<TokenInfo> infos, Span<ulong> keys, ref TDescriber describe)
        where TDescriber : struct, IDescriber
    {
        var table = Volatile.Read(ref _table);
        int n = tokens.Length;
        for (int i = 0; i < n; i++) keys[i] = KeyOf(tokens[i].Of(text));
        for (int i = 0; i < Math.Min(n, 2 * Ahead); i++) table.Prefetch(keys[i]);
        for (int i = 0; i < n; i++)
        {
            if (i + 2 * Ahead < n) table.Prefetch(keys[i + 2 * Ahead]);
            if (i + Ahead < n && table.Find(keys[i + Ahead]) is int ahead and >= 0) table.PrefetchRow(ahead, 0, 1);
            // Found again, not kept from the look-ahead: a word new then may have been described since, a few tokens back.
            int row = table.Find(keys[i]);
            if (row >= 0)
            {
                infos[i] = table.Row(row)[0];
                continue;
            }
            describe.Describe(tokens[i].Of(text), ref infos[i]);
            Add(keys[i], infos[i]);
        }
    }

    /// <summary>How many tokens ahead of the copy a row is looked up (its slot twice as far).</summary>
    private const int Ahead = 8;

    /// <summary>Makes the description of a word the cache does not hold.</summary>
    public interface IDescriber
    {
        /// <summary>Writes <paramref name="word"/>'s description into <paramref name="info"/>.</summary>
        void Describe(ReadOnlySpan<char> word, ref TokenInfo info);
    }

    /// <summary>A 64-bit hash of the exact code units, four at a time (never 0, the empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyOf(ReadOnlySpan<char> word)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)word.Length;
        var blocks = MemoryMarshal.Cast<char, ulong>(word);
        foreach (ulong block in blocks) h = BitOperations.RotateLeft((h ^ block) * 0xC2B2AE3D27D4EB4FUL, 29);
        foreach (char c in word[(blocks.Length * 4)..]) h = BitOperations.RotateLeft((h ^ c) * 0x165667B19E3779F9UL, 23);
        h = StableHash.Mix(h);
        return h == 0 ? 1 : h;
    }
}
