namespace Extractor.Clustering;

/// <summary>
/// The bounded set of clusters Brown clustering may merge, with the tables that make each step O(K²) instead of O(K³):
/// joint counts, each pair's contribution q to mutual information, and each pair's merge gain kept up to date
/// incrementally (Liang 2005, §3.2).
/// </summary>
/// <remarks>
/// All quantities are in units of N·AMI (N = bigram tokens), which leaves every argmax unchanged and lets
/// q(n) = n·ln n + n·(ln N − ln left − ln right) take n·ln n from a table for small n, so the O(K²) loops need no
/// logarithms. Matrices are dense K×K over slots; a slot holds one cluster, or is free. Counts are kept twice
/// (n and its transpose) so every inner loop walks memory in order.
/// </remarks>
internal sealed class ActiveSet
{
    private const int TableSize = 1 << 20;
    private static readonly double[] NLogNTable = BuildTable();

    private readonly int _k;
    private readonly double _logTotal;
    private readonly long[] _n, _nT, _left, _right;
    private readonly double[] _q, _gain, _logMergedLeft, _logMergedRight, _logLeft, _logRight, _sum, _deltaSum;
    private readonly bool[] _used;
    private readonly int[] _active;
    private readonly long[] _rowA, _rowB, _colA, _colB;
    private int _activeCount;

    public ActiveSet(int slots, long total)
    {
        _k = slots;
        _logTotal = Math.Log(Math.Max(total, 1));
        _n = new long[slots * slots];
        _nT = new long[slots * slots];
        _q = new double[slots * slots];
        _gain = new double[slots * slots];
        _logMergedLeft = new double[slots * slots];
        _logMergedRight = new double[slots * slots];
        _left = new long[slots];
        _right = new long[slots];
        _logLeft = new double[slots];
        _logRight = new double[slots];
        _sum = new double[slots];
        _deltaSum = new double[slots];
        _used = new bool[slots];
        _active = new int[slots];
        _rowA = new long[slots];
        _rowB = new long[slots];
        _colA = new long[slots];
        _colB = new long[slots];
    }

    /// <summary>Number of occupied slots.</summary>
    public int Count => _activeCount;

    /// <summary>Whether <paramref name="slot"/> holds a cluster.</summary>
    public bool IsUsed(int slot) => _used[slot];

    /// <summary>The stored change in N·AMI if <paramref name="s"/> and <paramref name="t"/> merged.</summary>
    public double Gain(int s, int t) => _gain[Math.Min(s, t) * _k + Math.Max(s, t)];

    /// <summary>
    /// Puts a new cluster in free slot <paramref name="z"/>. <paramref name="toRight"/>[u] counts bigrams (z, u) and
    /// <paramref name="fromLeft"/>[u] counts (u, z) for occupied slots u; <paramref name="self"/> counts (z, z).
    /// </summary>
    public void Add(int z, long[] toRight, long[] fromLeft, long self, long left, long right)
    {
        int k = _k;
        _used[z] = true;
        SetMarginals(z, left, right);
        RefreshActive();
        ReadOnlySpan<int> active = _active.AsSpan(0, _activeCount);
        foreach (int u in active)
        {
            if (u == z) continue;
            _n[z * k + u] = _nT[u * k + z] = toRight[u];
            _n[u * k + z] = _nT[z * k + u] = fromLeft[u];
        }
        _n[z * k + z] = _nT[z * k + z] = self;
        RefreshPairTables(z);

        foreach (int c in active)
        {
            _deltaSum[c] = c == z ? 0 : _q[c * k + z] + _q[z * k + c];
        }
        // Every other pair gains z as one more context cluster u: add its terms, and the S(c), S(d) it grows.
        ReadOnlySpan<long> intoZ = _nT.AsSpan(z * k, k), outOfZ = _n.AsSpan(z * k, k);
        double logLeftZ = _logLeft[z], logRightZ = _logRight[z];
        for (int i = 0; i < active.Length; i++)
        {
            int c = active[i];
            if (c == z) continue;
            int row = c * k;
            for (int j = i + 1; j < active.Length; j++)
            {
                int d = active[j];
                if (d == z) continue;
                double g = -_deltaSum[c] - _deltaSum[d];
                long into = intoZ[c] + intoZ[d], outOf = outOfZ[c] + outOfZ[d];
                if (into > 0) g += NLogN(into) + into * (_logTotal - _logMergedLeft[row + d] - logRightZ);
                if (outOf > 0) g += NLogN(outOf) + outOf * (_logTotal - logLeftZ - _logMergedRight[row + d]);
                _gain[row + d] += g;
            }
        }
        FinishUpdate(z);
    }

    /// <summary>Merges slot <paramref name="b"/> into slot <paramref name="a"/> (a &lt; b) and frees <paramref name="b"/>.</summary>
    public void Merge(int a, int b)
    {
        int k = _k;
        ReadOnlySpan<int> active = _active.AsSpan(0, _activeCount);
        _n.AsSpan(a * k, k).CopyTo(_rowA);
        _n.AsSpan(b * k, k).CopyTo(_rowB);
        _nT.AsSpan(a * k, k).CopyTo(_colA);
        _nT.AsSpan(b * k, k).CopyTo(_colB);
        double logLeftAB = Math.Log(_left[a] + _left[b]), logRightAB = Math.Log(_right[a] + _right[b]);
        foreach (int c in active)
        {
            if (c == a || c == b) { _deltaSum[c] = 0; continue; }
            _deltaSum[c] = Q(_colA[c] + _colB[c], _logLeft[c], logRightAB) + Q(_rowA[c] + _rowB[c], logLeftAB, _logRight[c])
                - _q[c * k + a] - _q[a * k + c] - _q[c * k + b] - _q[b * k + c];
        }
        // For other pairs (c, d), context clusters a and b become one: swap their terms for the merged one's.
        // The ln(left(c)+left(d)) parts cancel, leaving n·ln n table lookups and products (see remarks).
        double rA = logRightAB - _logRight[a], rB = logRightAB - _logRight[b];
        double lA = logLeftAB - _logLeft[a], lB = logLeftAB - _logLeft[b];
        for (int i = 0; i < active.Length; i++)
        {
            int c = active[i];
            if (c == a || c == b) continue;
            int row = c * k;
            for (int j = i + 1; j < active.Length; j++)
            {
                int d = active[j];
                if (d == a || d == b) continue;
                double g = -_deltaSum[c] - _deltaSum[d]
                    + Combine(_colA[c] + _colA[d], _colB[c] + _colB[d], rA, rB)
                    + Combine(_rowA[c] + _rowA[d], _rowB[c] + _rowB[d], lA, lB);
                _gain[row + d] += g;
            }
        }
        FoldCounts(a, b);
        _used[b] = false;
        SetMarginals(a, _left[a] + _left[b], _right[a] + _right[b]);
        SetMarginals(b, 0, 0);
        RefreshActive();
        RefreshPairTables(a);
        FinishUpdate(a);
    }

    /// <summary>The occupied pair with the largest gain; ties go to the lowest (s, t).</summary>
    public (int S, int T) BestPair()
    {
        ReadOnlySpan<int> active = _active.AsSpan(0, _activeCount);
        double best = double.NegativeInfinity;
        (int, int) pair = (-1, -1);
        for (int i = 0; i < active.Length; i++)
        {
            int row = active[i] * _k;
            for (int j = i + 1; j < active.Length; j++)
            {
                double g = _gain[row + active[j]];
                if (g > best) { best = g; pair = (active[i], active[j]); }
            }
        }
        return pair;
    }

    /// <summary>Change in N·AMI from merging s and t, computed from the counts alone; O(K²), for tests.</summary>
    internal double BruteForceGain(int s, int t)
    {
        double before = 0, after = 0;
        int k = _k;
        int Map(int u) => u == t ? s : u;
        var merged = new Dictionary<(int, int), long>();
        foreach (int u in _active.AsSpan(0, _activeCount))
        {
            foreach (int v in _active.AsSpan(0, _activeCount))
            {
                before += Q(_n[u * k + v], _logLeft[u], _logRight[v]);
                var key = (Map(u), Map(v));
                merged[key] = merged.GetValueOrDefault(key) + _n[u * k + v];
            }
        }
        double LogLeft(int u) => u == s ? Math.Log(_left[s] + _left[t]) : _logLeft[u];
        double LogRight(int u) => u == s ? Math.Log(_right[s] + _right[t]) : _logRight[u];
        foreach (var ((u, v), count) in merged) after += Q(count, LogLeft(u), LogRight(v));
        return after - before;
    }

    private void FinishUpdate(int changed)
    {
        int k = _k;
        ReadOnlySpan<int> active = _active.AsSpan(0, _activeCount);
        foreach (int c in active)
        {
            if (c != changed) _sum[c] += _deltaSum[c];
        }
        _sum[changed] = 0;
        foreach (int u in active) _sum[changed] += _q[changed * k + u] + _q[u * k + changed];
        _sum[changed] -= _q[changed * k + changed];
        foreach (int c in active)
        {
            if (c != changed) _gain[Math.Min(c, changed) * k + Math.Max(c, changed)] = GainFromScratch(c, changed);
        }
    }

    /// <summary>Gain of merging s and t from the current tables in O(K): the merged cluster's terms minus s's and t's.</summary>
    private double GainFromScratch(int s, int t)
    {
        int k = _k;
        ReadOnlySpan<long> outS = _n.AsSpan(s * k, k), outT = _n.AsSpan(t * k, k);
        ReadOnlySpan<long> inS = _nT.AsSpan(s * k, k), inT = _nT.AsSpan(t * k, k);
        double logLeftST = _logMergedLeft[s * k + t], logRightST = _logMergedRight[s * k + t];
        double g = 0;
        foreach (int u in _active.AsSpan(0, _activeCount))
        {
            if (u == s || u == t) continue;
            long outOf = outS[u] + outT[u], into = inS[u] + inT[u];
            if (outOf > 0) g += NLogN(outOf) + outOf * (_logTotal - logLeftST - _logRight[u]);
            if (into > 0) g += NLogN(into) + into * (_logTotal - _logLeft[u] - logRightST);
        }
        long self = outS[s] + outS[t] + outT[s] + outT[t];
        if (self > 0) g += NLogN(self) + self * (_logTotal - logLeftST - logRightST);
        return g - (_sum[s] + _sum[t] - _q[s * k + t] - _q[t * k + s]);
    }

    private void FoldCounts(int a, int b)
    {
        int k = _k;
        foreach (int u in _active.AsSpan(0, _activeCount)) _n[a * k + u] += _n[b * k + u];
        foreach (int u in _active.AsSpan(0, _activeCount)) _n[u * k + a] += _n[u * k + b];
        foreach (int u in _active.AsSpan(0, _activeCount))
        {
            _n[b * k + u] = _n[u * k + b] = 0;
            _nT[b * k + u] = _nT[u * k + b] = 0;
        }
        foreach (int u in _active.AsSpan(0, _activeCount))
        {
            _nT[a * k + u] = _n[u * k + a];
            _nT[u * k + a] = _n[a * k + u];
        }
    }

    private void SetMarginals(int s, long left, long right)
    {
        _left[s] = left;
        _right[s] = right;
        _logLeft[s] = Math.Log(left);
        _logRight[s] = Math.Log(right);
    }

    private void RefreshPairTables(int z)
    {
        int k = _k;
        foreach (int u in _active.AsSpan(0, _activeCount))
        {
            _logMergedLeft[z * k + u] = _logMergedLeft[u * k + z] = Math.Log(_left[z] + _left[u]);
            _logMergedRight[z * k + u] = _logMergedRight[u * k + z] = Math.Log(_right[z] + _right[u]);
            _q[z * k + u] = Q(_n[z * k + u], _logLeft[z], _logRight[u]);
            _q[u * k + z] = Q(_n[u * k + z], _logLeft[u], _logRight[z]);
        }
    }

    private void RefreshActive()
    {
        _activeCount = 0;
        for (int s = 0; s < _k; s++)
        {
            if (_used[s]) _active[_activeCount++] = s;
        }
    }

    /// <summary>q for a cell with <paramref name="n"/> bigrams; zero cells contribute nothing (and avoid 0·−∞).</summary>
    private double Q(long n, double logLeft, double logRight) =>
        n == 0 ? 0 : NLogN(n) + n * (_logTotal - logLeft - logRight);

    /// <summary>Terms for contexts x and y becoming one, given ln(merged) − ln(x) as <paramref name="dx"/> and likewise <paramref name="dy"/>.</summary>
    private static double Combine(long x, long y, double dx, double dy)
    {
        double g = NLogN(x + y) - NLogN(x) - NLogN(y);
        if (x > 0) g -= x * dx;
        if (y > 0) g -= y * dy;
        return g;
    }

    private static double NLogN(long n) => n < TableSize ? NLogNTable[n] : n * Math.Log(n);

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (int i = 1; i < TableSize; i++) table[i] = i * Math.Log(i);
        return table;
    }
}
