namespace Extractor.Resolution;

/// <summary>Every offset at which one of a document's mentions starts or ends, sorted, for "does a mention start or end
/// here?" by binary search.</summary>
/// <remarks>Two ints per mention, where a hash set of them took about six times that (and twice over while it grew)
/// on a large document's hundreds of thousands of mentions. Mentions come in text order, so the starts are sorted and,
/// as spans do not overlap, so are the ends: merging them costs one pass.</remarks>
internal sealed class MentionEdges
{
    private readonly int[] _sorted;

    /// <summary>The edges of <paramref name="resolved"/>, in text order (any order is accepted).</summary>
    public MentionEdges(IReadOnlyList<ResolvedMention> resolved)
    {
        int n = resolved.Count;
        var starts = new int[n];
        var ends = new int[n];
        for (int i = 0; i < n; i++)
        {
            var m = resolved[i].Mention;
            starts[i] = m.Start;
            ends[i] = m.End;
        }
        if (!IsSorted(starts)) Array.Sort(starts);
        if (!IsSorted(ends)) Array.Sort(ends);
        _sorted = new int[2 * n];
        int s = 0, e = 0;
        for (int k = 0; k < _sorted.Length; k++)
            _sorted[k] = e == n || (s < n && starts[s] <= ends[e]) ? starts[s++] : ends[e++];
    }

    /// <summary>Whether a mention starts or ends at <paramref name="offset"/>.</summary>
    public bool Contains(int offset) => Array.BinarySearch(_sorted, offset) >= 0;

    private static bool IsSorted(int[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1]) return false;
        }
        return true;
    }
}
