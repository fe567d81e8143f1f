using System.Diagnostics;

namespace Extractor.Clustering;

/// <summary>
/// One clustering run over ranked words: feeds words into the <see cref="ActiveSet"/>, tracks which slot each word's
/// cluster lives in (union–find over words), then merges the final clusters into a tree and reads off bit paths.
/// </summary>
internal sealed class BrownRun
{
    private readonly BigramTable _table;
    private readonly int _clusters;
    private readonly IProgress<string>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly ActiveSet _set;
    private readonly int[] _parent, _size, _slotOfRoot, _rootOfSlot;
    private readonly long[] _toRight, _fromLeft;

    public BrownRun(BigramTable table, int clusters, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        _table = table;
        _clusters = clusters;
        _progress = progress;
        _cancellationToken = cancellationToken;
        int words = table.LeftTotals.Length, slots = clusters + 1;
        _set = new ActiveSet(slots, table.Total);
        _parent = new int[words];
        _size = new int[words];
        _slotOfRoot = new int[words];
        _rootOfSlot = new int[slots];
        _toRight = new long[slots];
        _fromLeft = new long[slots];
    }

    /// <summary>The set, for tests that check its invariants mid-run.</summary>
    internal ActiveSet Set => _set;

    /// <summary>Runs to the end: the bit path of each leaf cluster, and each word's leaf.</summary>
    public (string[] LeafPaths, int[] LeafOfWord) Execute()
    {
        int words = _parent.Length;
        var clock = Stopwatch.StartNew();
        for (int w = 0; w < _clusters; w++) AddWord(w, w);
        int free = _clusters;
        for (int w = _clusters; w < words; w++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            AddWord(w, free);
            (int a, int b) = _set.BestPair();
            MergeSlots(a, b);
            free = b;
            if ((w + 1) % 2000 == 0)
            {
                _progress?.Report($"word {w + 1} of {words}, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        int[] leafOfSlot = new int[_clusters + 1];
        int leaves = 0;
        for (int s = 0; s <= _clusters; s++) leafOfSlot[s] = _set.IsUsed(s) ? leaves++ : -1;
        int[] leafOfWord = new int[words];
        for (int w = 0; w < words; w++) leafOfWord[w] = leafOfSlot[_slotOfRoot[Find(w)]];
        string[] paths = BuildTree(leafOfSlot, leaves);
        _progress?.Report($"done: {words} words in {leaves} clusters, {clock.Elapsed.TotalSeconds:F0} s");
        return (paths, leafOfWord);
    }

    /// <summary>Puts word <paramref name="w"/> (all lower ranks already placed) into free slot <paramref name="slot"/>.</summary>
    private void AddWord(int w, int slot)
    {
        long self = 0;
        ReadOnlySpan<int> right = _table.RightWords(w), rightCounts = _table.RightCounts(w);
        for (int i = 0; i < right.Length && right[i] <= w; i++)
        {
            if (right[i] == w) self += rightCounts[i];
            else _toRight[_slotOfRoot[Find(right[i])]] += rightCounts[i];
        }
        ReadOnlySpan<int> left = _table.LeftWords(w), leftCounts = _table.LeftCounts(w);
        for (int i = 0; i < left.Length && left[i] < w; i++)
        {
            _fromLeft[_slotOfRoot[Find(left[i])]] += leftCounts[i];
        }
        _parent[w] = w;
        _size[w] = 1;
        _slotOfRoot[w] = slot;
        _rootOfSlot[slot] = w;
        _set.Add(slot, _toRight, _fromLeft, self, _table.LeftTotals[w], _table.RightTotals[w]);
        Array.Clear(_toRight);
        Array.Clear(_fromLeft);
    }

    private void MergeSlots(int a, int b)
    {
        int x = _rootOfSlot[a], y = _rootOfSlot[b];
        if (_size[x] < _size[y]) (x, y) = (y, x);
        _parent[y] = x;
        _size[x] += _size[y];
        _slotOfRoot[x] = a;
        _rootOfSlot[a] = x;
        _set.Merge(a, b);
    }

    private int Find(int w)
    {
        int root = w;
        while (_parent[root] != root) root = _parent[root];
        while (_parent[w] != root)
        {
            int up = _parent[w];
            _parent[w] = root;
            w = up;
        }
        return root;
    }

    /// <summary>Merges the leaves down to one root; a merged pair's lower slot takes bit 0, the other bit 1.</summary>
    private string[] BuildTree(int[] leafOfSlot, int leaves)
    {
        int[] nodeOfSlot = (int[])leafOfSlot.Clone();
        int[] zero = new int[2 * leaves], one = new int[2 * leaves];
        int next = leaves;
        while (_set.Count > 1)
        {
            (int a, int b) = _set.BestPair();
            zero[next] = nodeOfSlot[a];
            one[next] = nodeOfSlot[b];
            nodeOfSlot[a] = next++;
            _set.Merge(a, b);
        }
        string[] paths = new string[leaves];
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((next - 1, ""));
        while (stack.Count > 0)
        {
            (int node, string path) = stack.Pop();
            if (node < leaves)
            {
                paths[node] = path;
                continue;
            }
            stack.Push((one[node], path + "1"));
            stack.Push((zero[node], path + "0"));
        }
        return paths;
    }
}
