namespace Extractor.Calibration;

/// <summary>The two calibrators small enough to write by hand: Platt's sigmoid and isotonic regression.</summary>
internal static class Fitting
{
    /// <summary>Platt scaling: <c>a</c>, <c>b</c> maximizing the likelihood of <c>σ(a·x + b)</c>, by Newton's method,
    /// with Platt's smoothed targets so a separable set does not drive the slope to infinity.</summary>
    public static (double A, double B) Platt(IReadOnlyList<double> x, IReadOnlyList<bool> y)
    {
        int positives = y.Count(v => v), negatives = y.Count - positives;
        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < x.Count; i++)
            {
                double p = 1 / (1 + Math.Exp(-(a * x[i] + b))), t = y[i] ? hi : lo, w = p * (1 - p);
                ga += (p - t) * x[i];
                gb += p - t;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9) break;
        }
        return (a, b);
    }

    /// <summary>Isotonic regression by pool-adjacent-violators: a non-decreasing step table (thresholds, values)
    /// where each threshold is the lowest <paramref name="x"/> of its block; equal inputs share one block.</summary>
    public static (float[] From, float[] To) Isotonic(IReadOnlyList<double> x, IReadOnlyList<bool> y)
    {
        // Equal inputs first become one point, so pooling can never split them between two steps.
        var points = Enumerable.Range(0, x.Count).GroupBy(i => x[i]).OrderBy(g => g.Key)
            .Select(g => (Start: g.Key, Sum: (double)g.Count(i => y[i]), Count: (double)g.Count()));
        var blocks = new List<(double Start, double Sum, double Count)>();
        foreach (var point in points)
        {
            blocks.Add(point);
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count >= blocks[^1].Sum / blocks[^1].Count)
            {
                var (start, sum, count) = blocks[^2];
                blocks[^2] = (start, sum + blocks[^1].Sum, count + blocks[^1].Count);
                blocks.RemoveAt(blocks.Count - 1);
            }
        }
        return (blocks.Select(b => (float)b.Start).ToArray(), blocks.Select(b => (float)(b.Sum / b.Count)).ToArray());
    }
}
