using Extractor.Calibration;

namespace Extractor.Tests.Calibration;

/// <summary>The hand-written calibrators of the maintainer tool, against answers worked out by hand.</summary>
public class FittingTests
{
    [Fact]
    public void Isotonic_PoolsViolators_IntoANonDecreasingTable()
    {
        // Sorted by x the labels read 1 0 0 1 1: the first three pool to 1/3, then two blocks of 1 pool into one.
        double[] x = [0.3, 0.1, 0.2, 0.5, 0.4];
        bool[] y = [false, true, false, true, true];

        var (from, to) = Fitting.Isotonic(x, y);

        Assert.Equal([0.1f, 0.4f], from);
        Assert.Equal(1f / 3, to[0], 5);
        Assert.Equal(1f, to[1]);
    }

    [Fact]
    public void Isotonic_EqualInputsShareOneStep()
    {
        double[] x = [1, 1, 1, 1, 2];
        bool[] y = [true, false, false, false, true];

        var (from, to) = Fitting.Isotonic(x, y);

        Assert.Equal([1f, 2f], from);
        Assert.Equal([0.25f, 1f], to);
    }

    [Fact]
    public void Isotonic_OnRandomData_IsNonDecreasing_AndKeepsTheMean()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var y = x.Select(v => random.NextDouble() < v).ToArray();

        var (from, to) = Fitting.Isotonic(x, y);

        for (int i = 1; i < from.Length; i++)
        {
            Assert.True(from[i] > from[i - 1]);
            Assert.True(to[i] >= to[i - 1]);
        }
        // Pooling keeps each block's mean, so the table's mean over the inputs equals the labels' mean.
        double fitted = x.Average(v => (double)to[Array.FindLastIndex(from, f => f <= (float)v)]);
        Assert.Equal(y.Average(b => b ? 1.0 : 0.0), fitted, 4);
    }

    [Fact]
    public void Platt_RecoversTheSlopeAndOffsetOfLogisticData()
    {
        // Labels drawn from σ(2x − 1): the fit should land near a = 2, b = −1.
        var random = new Random(3);
        var x = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() * 6 - 3).ToArray();
        var y = x.Select(v => random.NextDouble() < 1 / (1 + Math.Exp(-(2 * v - 1)))).ToArray();

        var (a, b) = Fitting.Platt(x, y);

        Assert.InRange(a, 1.85, 2.15);
        Assert.InRange(b, -1.12, -0.88);
    }
}
