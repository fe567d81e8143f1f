using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extractor.Recognition;

/// <summary>Word text → its <see cref="TokenInfo"/> description, for one thread; bounded, starts over when full.</summary>
/// <remarks>
/// Keyed by a 64-bit hash of the word's exact code units, never compared as strings: the lookup is one hash
/// over a few machine words and one probe, where a string dictionary hashed, probed and then compared the
/// characters. Two words sharing a key would share a description; at 64 bits that takes ~10^9 distinct words
/// in one cache (it holds 32,768), and the model's own features already hash words to 64 bits.
/// </remarks>
internal sealed class DescriptionCache
{
    /// <summary>Word types kept before the cache starts over (about 4 MB of descriptions).</summary>
    public const int Capacity = 1 << 15;

    // Grown by doubling up to the capacity, so a single short article does not pay for a full cache.
    private ulong[] _keys = new ulong[2048];
    private int[] _rows = new int[2048];
    private TokenInfo[] _infos = new TokenInfo[1024];
    private int _count;

    /// <summary>The cached description of <paramref name="word"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out ulong key, out TokenInfo info)
    {
        key = KeyOf(word);
        int mask = _keys.Length - 1;
        for (int slot = (int)key & mask; _keys[slot] != 0; slot = (slot + 1) & mask)
            if (_keys[slot] == key)
            {
                info = _infos[_rows[slot]];
                return true;
            }
        info = default;
        return false;
    }

    /// <summary>Stores the description of the word whose <see cref="TryGet"/> gave <paramref name="key"/>.</summary>
    public void Add(ulong key, in TokenInfo info)
    {
        if (_count == Capacity)
        {
            Array.Clear(_keys);
            _count = 0;
        }
        else if (_count == _infos.Length)
        {
            Grow();
        }
        int mask = _keys.Length - 1;
        int slot = (int)key & mask;
        while (_keys[slot] != 0) slot = (slot + 1) & mask;
        _keys[slot] = key;
        _rows[slot] = _count;
        _infos[_count++] = info;
    }

    private void Grow()
    {
        Array.Resize(ref _infos, 2 * _infos.Length);
        var keys = new ulong[2 * _infos.Length];
        var rows = new int[keys.Length];
        int mask = keys.Length - 1;
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] == 0) continue;
            int slot = (int)_keys[s] & mask;
            while (keys[slot] != 0) slot = (slot + 1) & mask;
            keys[slot] = _keys[s];
            rows[slot] = _rows[s];
        }
        _keys = keys;
        _rows = rows;
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
