using System.Numerics;
using System.Runtime.InteropServices;

namespace Extractor.Clustering;

/// <summary>
/// Binary merge tree over flat clusters by Ward's criterion (merge the pair that adds the least within-cluster
/// variance), read off as bit paths so a flat clustering gets the coarse-to-fine prefixes NER features use.
/// </summary>
/// <remarks>
/// The initial costs come from the clusters' mean vectors; later ones follow from the Lance–Williams update, so
/// the vectors are read once. O(k²) memory and O(k³) time: fine for the few thousand clusters a tagger can use.
/// Ties go to the lowest pair of indices, and the child with the smaller lowest leaf takes bit 0, so the paths
/// are deterministic.
/// </remarks>
internal static class WardTree
{
    /// <summary>The bit path of each cluster.</summary>
    /// <param name="sums">Sum of each cluster's member vectors, feature-major: <c>sums[feature * k + cluster]</c>.</param>
    /// <param name="sizes">Members per cluster; empty clusters get a path too, but it is never used.</param>
    public static string[] Paths(float[] sums, int[] sizes)
    {
        int k = sizes.Length;
        int features = sums.Length / Math.Max(k, 1);
        if (k == 1) return ["0"];
        var means = new float[k][];
        for (int c = 0; c < k; c++) means[c] = new float[features];
        for (int f = 0; f < features; f++)
            for (int c = 0; c < k; c++)
                means[c][f] = sizes[c] > 0 ? sums[f * k + c] / sizes[c] : 0f;
        var cost = new double[k, k];
        var norms = means.Select(m => (double)Dot(m, m)).ToArray();
        Parallel.For(0, k, i =>
        {
            for (int j = i + 1; j < k; j++)
            {
                double distance = Math.Max(0, norms[i] + norms[j] - 2 * Dot(means[i], means[j]));
                double ni = Math.Max(sizes[i], 1), nj = Math.Max(sizes[j], 1);
                cost[i, j] = ni * nj / (ni + nj) * distance;
            }
        });

        // Node ids: 0..k-1 leaves, k.. merged nodes. live[i] holds the node now in slot i.
        var size = sizes.Select(s => (double)Math.Max(s, 1)).ToArray();
        var live = Enumerable.Range(0, k).ToArray();
        var alive = Enumerable.Repeat(true, k).ToArray();
        var children = new List<(int Left, int Right)>();
        var lowestLeaf = Enumerable.Range(0, k).ToList();
        for (int merge = 0; merge < k - 1; merge++)
        {
            int a = -1, b = -1;
            double min = double.PositiveInfinity;
            for (int i = 0; i < k; i++)
            {
                if (!alive[i]) continue;
                for (int j = i + 1; j < k; j++)
                    if (alive[j] && cost[i, j] < min) { min = cost[i, j]; a = i; b = j; }
            }
            for (int m = 0; m < k; m++)
            {
                if (!alive[m] || m == a || m == b) continue;
                double updated = ((size[a] + size[m]) * Cost(cost, a, m) + (size[b] + size[m]) * Cost(cost, b, m)
                                  - size[m] * min) / (size[a] + size[b] + size[m]);
                if (a < m) cost[a, m] = updated; else cost[m, a] = updated;
            }
            int left = live[a], right = live[b];
            if (lowestLeaf[right] < lowestLeaf[left]) (left, right) = (right, left);
            children.Add((left, right));
            lowestLeaf.Add(Math.Min(lowestLeaf[left], lowestLeaf[right]));
            live[a] = k + children.Count - 1;
            size[a] += size[b];
            alive[b] = false;
        }

        var paths = new string[k];
        var stack = new Stack<(int Node, string Path)>();
        stack.Push((k + children.Count - 1, ""));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node < k) { paths[node] = path; continue; }
            var (l, r) = children[node - k];
            stack.Push((r, path + "1"));
            stack.Push((l, path + "0"));
        }
        return paths;
    }

    private static double Cost(double[,] cost, int i, int j) => i < j ? cost[i, j] : cost[j, i];

    private static float Dot(float[] x, float[] y)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < vx.Length; i++) sum += vx[i] * vy[i];
        float total = Vector.Sum(sum);
        for (int i = vx.Length * Vector<float>.Count; i < x.Length; i++) total += x[i] * y[i];
        return total;
    }
}
