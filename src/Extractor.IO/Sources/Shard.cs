using System.Globalization;
using System.Text;

namespace Extractor.IO.Sources;

/// <summary>One of <see cref="Count"/> disjoint parts of an input set (<c>--shard K/N</c>): the documents whose id hashes to <see cref="Index"/>.</summary>
/// <remarks>
/// The hash is SplitMix64's finalizer over 64-bit FNV-1a of the id's UTF-8 bytes, taken modulo N. It depends on
/// the id alone, never on the other files, listing order, machine or .NET version (whose string hashes are
/// randomized per process), so a document stays in its shard when files are added, and shards of one input set
/// are disjoint and together give every document once. The finalizer spreads ids that differ only in their last
/// characters (<c>00001.txt</c>, <c>00002.txt</c>) evenly over the shards; docs/distributed.md gives the balance.
/// </remarks>
/// <param name="Index">This worker's part, from 0 to <see cref="Count"/> − 1 (as Kubernetes' JOB_COMPLETION_INDEX counts).</param>
/// <param name="Count">How many parts the input set is split into.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The most shards accepted.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Whether the document (or row, or input) named <paramref name="id"/> belongs to this shard.</summary>
    public bool Owns(string id) => Count <= 1 || (int)(Hash(id) % (ulong)Count) == Index;

    /// <summary>The shard-assignment hash of an id (documented, so other tools can compute a document's shard).</summary>
    public static ulong Hash(string id)
    {
        ulong h = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
        foreach (byte b in bytes) h = (h ^ b) * 1099511628211UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }

    /// <summary>Parses <c>K/N</c> (0 ≤ K &lt; N ≤ <see cref="MaxCount"/>); false with a reason otherwise.</summary>
    public static bool TryParse(string text, out Shard shard, out string error)
    {
        shard = default;
        error = $"'{text}' is not K/N with 0 <= K < N (e.g. 0/4 for the first of four shards)";
        int slash = text.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || count > MaxCount || index >= count)
        {
            if (slash > 0 && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > MaxCount)
                error = $"'{text}': at most {MaxCount} shards";
            return false;
        }
        shard = new Shard(index, count);
        return true;
    }

    /// <summary><c>K/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
