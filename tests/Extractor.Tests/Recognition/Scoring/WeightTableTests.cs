using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Tests.Recognition;

/// <summary>The scoring table must add exactly the weights of the ids it knows, whatever else it is asked about.</summary>
public class WeightTableTests
{
    private static NerModel Model => ShippedModel.Model;

    [Fact]
    public void AddScores_KnownAndUnknownIds_AddsEachKnownRowOnce()
    {
        var stage = Model.FirstPass;
        int t = stage.Tags.Count;
        var known = stage.Index.Ids();
        var table = new WeightTable(stage.Index, stage.Weights, t);
        var rng = new Random(7);
        var scratch = new WeightTable.Scratch(FeatureExtractor.MaxFeatures);
        for (int trial = 0; trial < 2000; trial++)
        {
            // Mostly unknown ids, as bigrams and new words give: the filter must rule out only those.
            var ids = Enumerable.Range(0, rng.Next(1, 40))
                .Select(_ => rng.Next(4) == 0 ? known[rng.Next(known.Length)] : (ulong)rng.NextInt64() * 2654435761UL)
                .ToArray();
            var expected = new float[t];
            foreach (ulong id in ids)
            {
                int row = stage.Index.RowOf(id);
                if (row < 0) continue;
                for (int k = 0; k < t; k++) expected[k] += stage.Weights[row * t + k];
            }
            var actual = new float[t];
            table.AddScores(ids, actual, scratch);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void FindThenAddFound_AfterOtherLookups_GivesAddScoresSums()
    {
        // The tagger finds token i + 1's features before it adds token i's, and prefetches token i + 2's meanwhile:
        // slots found earlier must still give the same sums, bit for bit, in the same order.
        var first = Model.FirstPass;
        var second = Model.SecondPass!;
        int t = first.Tags.Count;
        var pair = WeightTable.Pair(first, second);
        var known = first.Index.Ids();
        var rng = new Random(11);
        var scratch = new WeightTable.Scratch(FeatureExtractor.MaxFeatures);
        ulong[] Batch() => Enumerable.Range(0, rng.Next(1, 60))
            .Select(_ => rng.Next(3) == 0 ? (ulong)rng.NextInt64() : known[rng.Next(known.Length)]).ToArray();
        var earlier = Batch();
        var slots = new int[FeatureExtractor.MaxFeatures];
        for (int trial = 0; trial < 500; trial++)
        {
            int found = pair.Find(earlier, slots, scratch);
            var later = Batch();
            pair.Prefetch(later);
            pair.Find(later, new int[FeatureExtractor.MaxFeatures], scratch);
            float[] a = new float[t], b = new float[t], expectedA = new float[t], expectedB = new float[t];
            pair.AddFound(slots.AsSpan(0, found), a, b);
            pair.AddScores(earlier, expectedA, expectedB, new WeightTable.Scratch(FeatureExtractor.MaxFeatures));
            Assert.Equal(expectedA, a);
            Assert.Equal(expectedB, b);
            float[] onlySecond = new float[t];
            pair.AddFound(slots.AsSpan(0, found), [], onlySecond);
            Assert.Equal(expectedB, onlySecond);
            earlier = later;
        }
    }

    [Fact]
    public void AddFound_ScoresShorterThanTheTags_Throws()
    {
        // AddFound indexes scores by stored tag without a check per weight; a short span must be refused up front.
        var stage = Model.FirstPass;
        var table = new WeightTable(stage.Index, stage.Weights, stage.Tags.Count);
        var scratch = new WeightTable.Scratch(FeatureExtractor.MaxFeatures);
        var slots = new int[FeatureExtractor.MaxFeatures];
        int found = table.Find(stage.Index.Ids()[..10], slots, scratch);
        Assert.True(found > 0);
        Assert.Throws<ArgumentException>(() => table.AddFound(slots.AsSpan(0, found), new float[stage.Tags.Count - 1], []));
        Assert.Throws<ArgumentException>(() => table.AddFound(slots.AsSpan(0, found), [], new float[1]));
    }

    [Fact]
    public void AddScores_WeightsInRunsGapsAndScatter_AddsEachInOrder()
    {
        // Eight weights whose tags run consecutively are added as one vector; a run cut by a gap, one starting mid-way,
        // a feature of every other tag and random ones must give the sums of adding each weight alone, bit for bit.
        const int t = 17;
        bool[][] patterns =
        [
            [.. Enumerable.Range(0, t).Select(_ => true)],
            [.. Enumerable.Range(0, t).Select(k => k != 8)],
            [.. Enumerable.Range(0, t).Select(k => k >= 5)],
            [.. Enumerable.Range(0, t).Select(k => k % 2 == 0)],
            [.. Enumerable.Range(0, t).Select(k => k is 0 or 16)],
        ];
        var rng = new Random(5);
        int rows = 400;
        var ids = Enumerable.Range(1, rows).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var weights = new float[rows * t];
        for (int r = 0; r < rows; r++)
        {
            bool[] pattern = r < rows / 2 ? patterns[r % patterns.Length] : [.. Enumerable.Range(0, t).Select(_ => rng.Next(3) > 0)];
            for (int k = 0; k < t; k++) weights[r * t + k] = pattern[k] ? (float)(rng.NextDouble() * 20 - 10) : 0f;
        }
        var table = WeightTable.PairRows(ids, weights, [], [], t);
        var scratch = new WeightTable.Scratch(FeatureExtractor.MaxFeatures);
        for (int trial = 0; trial < 300; trial++)
        {
            var rowsAsked = Enumerable.Range(0, rng.Next(1, 50)).Select(_ => rng.Next(rows)).ToArray();
            var expected = new float[t];
            foreach (int r in rowsAsked)
                for (int k = 0; k < t; k++) expected[k] += weights[r * t + k];
            var actual = new float[t];
            table.AddScores(rowsAsked.Select(r => ids[r]).ToArray(), actual, scratch);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Pair_AddsEachStagesOwnWeights()
    {
        var first = Model.FirstPass;
        var second = Model.SecondPass!;
        int t = first.Tags.Count;
        var pair = WeightTable.Pair(first, second);
        var ids = first.Index.Ids().Take(3000).Concat(second.Index.Ids().TakeLast(3000)).Append(12345UL).ToArray();
        var scratch = new WeightTable.Scratch(FeatureExtractor.MaxFeatures);
        for (int start = 0; start < ids.Length; start += 50)
        {
            var batch = ids.AsSpan(start, Math.Min(50, ids.Length - start));
            float[] a = new float[t], b = new float[t], expectedA = new float[t], expectedB = new float[t];
            pair.AddScores(batch, a, b, scratch);
            first.AddScores(batch, expectedA);
            second.AddScores(batch, expectedB);
            Assert.Equal(expectedA, a);
            Assert.Equal(expectedB, b);
        }
    }
}
