using System.Numerics;
using System.Runtime.InteropServices;

namespace Extractor.Clustering;

/// <summary>
/// Spherical k-means (Dhillon &amp; Modha 2001) over the unit-length rows of a <see cref="ContextMatrix"/>: each word
/// joins the centroid with the largest cosine, each centroid becomes its members' normalized sum.
/// </summary>
/// <remarks>
/// Centroids are stored feature-major (<c>k</c> floats per feature), so scoring a sparse row against all of them is one
/// vectorized multiply-add per non-zero. Words are assigned in parallel, but each assignment reads only the previous
/// centroids and sums are taken in word order, so the result depends on the seed alone, not on the thread count.
/// </remarks>
internal sealed class SphericalKMeans
{
    private readonly ContextMatrix _rows;
    private readonly int _k;
    private readonly int _clustered;
    private readonly float[] _centroids;   // [feature * k + cluster]

    /// <param name="rows">The words' context rows.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="clustered">The first rows, which form the centroids; the rest only join the nearest at the end. All when omitted.</param>
    public SphericalKMeans(ContextMatrix rows, int k, int clustered = int.MaxValue)
    {
        _rows = rows;
        _k = k;
        _clustered = Math.Min(clustered, rows.Rows);
        _centroids = new float[checked(rows.FeatureCount * k)];
    }

    /// <summary>Cluster of each row after the last iteration (rows past the clustered ones: the nearest final centroid).</summary>
    public int[] Assignment { get; private set; } = [];

    /// <summary>The unnormalized sum of each cluster's clustered rows, feature-major like the centroids (for the merge tree).</summary>
    public float[] Sums { get; private set; } = [];

    /// <summary>Clustered members per cluster.</summary>
    public int[] Sizes { get; private set; } = [];

    /// <summary>Runs until fewer than 0.1% of rows move or <paramref name="maxIterations"/> is reached; reports each iteration.</summary>
    public void Run(int seed, int maxIterations, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        int rows = _clustered;
        var assignment = new int[_rows.Rows];
        var best = new float[_rows.Rows];
        // Seeds: k distinct non-empty rows drawn with the fixed seed.
        var candidates = Enumerable.Range(0, rows).Where(w => _rows.RowStart[w + 1] > _rows.RowStart[w]).ToArray();
        if (candidates.Length == 0)
        {
            // No word has a context above chance: there is nothing to tell apart, so all share class 0.
            Assignment = assignment;
            Sums = new float[_centroids.Length];
            Sizes = [rows, .. new int[_k - 1]];
            return;   // every row, clustered or not, is in class 0
        }
        new Random(seed).Shuffle(candidates);
        for (int c = 0; c < _k; c++) AddRow(_centroids, candidates[c % candidates.Length], c, 1f);
        Array.Fill(assignment, -1);
        // One buffer for the sums, reused: it is as large as the centroids (80 MB for 1,000 classes).
        var sums = new float[_centroids.Length];
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int moved = Assign(assignment, best, 0, rows);
            Array.Clear(sums);
            var sizes = new int[_k];
            for (int w = 0; w < rows; w++)
            {
                AddRow(sums, w, assignment[w], 1f);
                sizes[assignment[w]]++;
            }
            Reseed(sums, sizes, assignment, best);
            Sums = sums;
            Sizes = sizes;
            Normalize(sums, _centroids);
            double objective = 0;
            foreach (float b in best) objective += b;
            progress?.Report($"k-means iteration {iteration}: {moved} of {rows} words moved, mean cosine {objective / rows:F4}");
            if (moved < rows / 1000) break;
        }
        Assign(assignment, best, rows, _rows.Rows);
        Assignment = assignment;
    }

    /// <summary>The nearest final centroid of rows <paramref name="from"/> to <paramref name="to"/> − 1 of another matrix over the
    /// same context features (-1 for an empty row, which is near none); call after <see cref="Run"/>.</summary>
    public int[] Nearest(ContextMatrix other, int from, int to)
    {
        var assignment = new int[other.Rows];
        Assign(other, assignment, new float[other.Rows], from, to);
        var result = assignment[from..to];
        for (int w = from; w < to; w++) if (other.RowStart[w + 1] == other.RowStart[w]) result[w - from] = -1;
        return result;
    }

    /// <summary>Assigns rows <paramref name="from"/> to <paramref name="to"/> − 1 to their nearest centroids; returns how many changed cluster.</summary>
    private int Assign(int[] assignment, float[] best, int from, int to) => Assign(_rows, assignment, best, from, to);

    private int Assign(ContextMatrix matrix, int[] assignment, float[] best, int from, int to)
    {
        int moved = 0;
        Parallel.For(from, to, () => (Scores: new float[_k], Moved: 0), (w, _, local) =>
        {
            var scores = local.Scores.AsSpan();
            scores.Clear();
            var columns = matrix.Column;
            var values = matrix.Value;
            for (int i = matrix.RowStart[w]; i < matrix.RowStart[w + 1]; i++)
                MultiplyAdd(scores, _centroids.AsSpan(columns[i] * _k, _k), values[i]);
            int arg = 0;
            for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[arg]) arg = c;
            best[w] = scores[arg];
            if (assignment[w] != arg) { assignment[w] = arg; local.Moved++; }
            return local;
        }, local => Interlocked.Add(ref moved, local.Moved));
        return moved;
    }

    /// <summary>Gives each empty cluster the row that fits its own cluster worst, so all <c>k</c> stay in use.</summary>
    private void Reseed(float[] sums, int[] sizes, int[] assignment, float[] best)
    {
        int[]? byFit = null;
        int next = 0;
        for (int c = 0; c < _k; c++)
        {
            if (sizes[c] > 0) continue;
            byFit ??= [.. Enumerable.Range(0, _clustered).Where(w => _rows.RowStart[w + 1] > _rows.RowStart[w]).OrderBy(w => best[w]).ThenBy(w => w)];
            while (next < byFit.Length && sizes[assignment[byFit[next]]] <= 1) next++;
            if (next == byFit.Length) return;
            int w = byFit[next++];
            AddRow(sums, w, assignment[w], -1f);
            sizes[assignment[w]]--;
            assignment[w] = c;
            AddRow(sums, w, c, 1f);
            sizes[c] = 1;
        }
    }

    private void AddRow(float[] target, int row, int cluster, float sign)
    {
        for (int i = _rows.RowStart[row]; i < _rows.RowStart[row + 1]; i++)
            target[_rows.Column[i] * _k + cluster] += sign * _rows.Value[i];
    }

    private void Normalize(float[] sums, float[] centroids)
    {
        var norms = new double[_k];
        for (int f = 0; f < _rows.FeatureCount; f++)
            for (int c = 0; c < _k; c++) norms[c] += (double)sums[f * _k + c] * sums[f * _k + c];
        for (int f = 0; f < _rows.FeatureCount; f++)
            for (int c = 0; c < _k; c++)
                centroids[f * _k + c] = norms[c] > 0 ? (float)(sums[f * _k + c] / Math.Sqrt(norms[c])) : 0f;
    }

    private static void MultiplyAdd(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        var t = MemoryMarshal.Cast<float, Vector<float>>(target);
        var s = MemoryMarshal.Cast<float, Vector<float>>(source);
        var f = new Vector<float>(factor);
        for (int i = 0; i < t.Length; i++) t[i] += s[i] * f;
        for (int i = t.Length * Vector<float>.Count; i < target.Length; i++) target[i] += source[i] * factor;
    }
}
