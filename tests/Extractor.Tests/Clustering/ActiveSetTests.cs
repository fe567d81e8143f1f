using Extractor.Clustering;

namespace Extractor.Tests.Clustering;

public class ActiveSetTests
{
    [Fact]
    public void AddAndMerge_IncrementalGains_MatchRecomputedMutualInformation()
    {
        const int slots = 7;
        var random = new Random(5);
        var set = new ActiveSet(slots, total: 10_000);
        long[] toRight = new long[slots], fromLeft = new long[slots];
        int free = 0;
        for (int step = 0; step < 30; step++)
        {
            for (int u = 0; u < slots; u++)
            {
                toRight[u] = set.IsUsed(u) && random.Next(3) > 0 ? random.Next(1, 40) : 0;
                fromLeft[u] = set.IsUsed(u) && random.Next(3) > 0 ? random.Next(1, 40) : 0;
            }
            long self = random.Next(3);
            set.Add(free, toRight, fromLeft, self, toRight.Sum() + self + random.Next(50), fromLeft.Sum() + self + random.Next(50));
            if (set.Count == slots)
            {
                AssertGainsMatch(set, slots);
                (int a, int b) = set.BestPair();
                set.Merge(a, b);
                free = b;
                AssertGainsMatch(set, slots);
            }
            else
            {
                free++;
            }
        }
    }

    private static void AssertGainsMatch(ActiveSet set, int slots)
    {
        for (int s = 0; s < slots; s++)
        {
            for (int t = s + 1; t < slots; t++)
            {
                if (!set.IsUsed(s) || !set.IsUsed(t)) continue;
                double expected = set.BruteForceGain(s, t);
                Assert.True(Math.Abs(expected - set.Gain(s, t)) < 1e-6 * (1 + Math.Abs(expected)),
                    $"gain({s},{t}) stored {set.Gain(s, t)}, recomputed {expected}");
            }
        }
    }
}
