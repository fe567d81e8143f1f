using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;

namespace Extractor.Tests.Recognition;

public class ViterbiDecoderTests
{
    [Theory]
    [InlineData(TagEncoding.Bio)]
    [InlineData(TagEncoding.Bilou)]
    public void Decode_RandomScores_AlwaysValidSequence(TagEncoding encoding)
    {
        var set = new TagSet(encoding);
        var rng = new Random(3);
        var decoder = new ViterbiDecoder();
        int t = set.Count;
        float[] trans = new float[t * t], start = new float[t], end = new float[t];
        for (int trial = 0; trial < 200; trial++)
        {
            int n = rng.Next(1, 30);
            var emissions = new float[n * t];
            for (int i = 0; i < emissions.Length; i++) emissions[i] = (float)(rng.NextDouble() * 10 - 5);
            var tags = new int[n];
            decoder.Decode(set, trans, start, end, emissions, n, tags);
            Assert.True(set.AllowedStart(tags[0]));
            Assert.True(set.AllowedEnd(tags[^1]));
            for (int i = 1; i < n; i++) Assert.True(set.Allowed(tags[i - 1], tags[i]), $"{set.NameOf(tags[i - 1])} → {set.NameOf(tags[i])}");
        }
    }

    [Fact]
    public void Decode_PicksHighestScoringValidPath()
    {
        var set = new TagSet(TagEncoding.Bio);
        int t = set.Count;
        var emissions = new float[2 * t];
        int bPer = set.TagOf(Extractor.Text.EntityLabel.Person, 0), iPer = set.TagOf(Extractor.Text.EntityLabel.Person, 1);
        emissions[bPer] = 1;
        emissions[t + iPer] = 3;   // I-PER after B-PER is valid and best
        var tags = new int[2];
        new ViterbiDecoder().Decode(set, new float[t * t], new float[t], new float[t], emissions, 2, tags);
        Assert.Equal([bPer, iPer], tags);
    }

    [Theory]
    [InlineData(TagEncoding.Bio, 5)]
    [InlineData(TagEncoding.Bilou, 3)]
    [InlineData(TagEncoding.Bilou, 4)]
    public void Decode_FindsTheBestOfEveryValidPath(TagEncoding encoding, int n)
    {
        var set = new TagSet(encoding);
        int t = set.Count;
        var rng = new Random(5);
        for (int trial = 0; trial < 6; trial++)
        {
            // Small whole numbers make many paths tie; large spreads leave a single best one.
            bool ties = trial % 2 == 0;
            float[] Random(int count) => Enumerable.Range(0, count)
                .Select(_ => ties ? rng.Next(-2, 3) : (float)(rng.NextDouble() * 2 - 1) * 50).ToArray();
            float[] trans = Random(t * t), start = Random(t), end = Random(t), emissions = Random(n * t);
            var model = new PerceptronModel(set, FeatureSet.None, new FeatureIndex([]), [], trans, start, end, 1f);
            var decoder = new ViterbiDecoder();
            int[] byModel = new int[n], byWeights = new int[n];
            decoder.Decode(model, emissions, n, byModel);
            decoder.Decode(set, trans, start, end, emissions, n, byWeights);
            Assert.Equal(byModel, byWeights);

            double best = double.NegativeInfinity;
            var path = new int[n];
            for (long code = 0; code < (long)Math.Pow(t, n); code++)
            {
                long c = code;
                for (int i = 0; i < n; i++, c /= t) path[i] = (int)(c % t);
                if (PathScore(set, path, trans, start, end, emissions) is { } score) best = Math.Max(best, score);
            }
            Assert.Equal(best, PathScore(set, byModel, trans, start, end, emissions));
        }
    }

    [Theory]
    [InlineData(TagEncoding.Bio)]
    [InlineData(TagEncoding.Bilou)]
    public void Decode_GivesTheTagsOfTheOneTransitionAtATimeLoop_TiesIncluded(TagEncoding encoding)
    {
        var set = new TagSet(encoding);
        int t = set.Count;
        var rng = new Random(17);
        var decoder = new ViterbiDecoder();
        for (int trial = 0; trial < 300; trial++)
        {
            int n = rng.Next(1, 40);
            // Whole numbers in a narrow range: most positions have several equally good predecessors.
            float[] Random(int count) => Enumerable.Range(0, count).Select(_ => (float)rng.Next(-2, 3)).ToArray();
            float[] trans = Random(t * t), start = Random(t), end = Random(t), emissions = Random(n * t);
            var model = new PerceptronModel(set, FeatureSet.None, new FeatureIndex([]), [], trans, start, end, 1f);
            var tags = new int[n];
            decoder.Decode(model, emissions, n, tags);
            Assert.Equal(ReferenceViterbi(set, trans, start, end, emissions, n), tags);
        }
    }

    /// <summary>Textbook Viterbi: every allowed predecessor in ascending order, the first of equal scores kept.</summary>
    private static int[] ReferenceViterbi(TagSet set, float[] trans, float[] start, float[] end, float[] emissions, int n)
    {
        int t = set.Count;
        var delta = new float[n * t];
        var back = new int[n * t];
        for (int k = 0; k < t; k++) delta[k] = set.AllowedStart(k) ? start[k] + emissions[k] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
            for (int k = 0; k < t; k++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int j = 0; j < t; j++)
                {
                    if (!set.Allowed(j, k)) continue;
                    float v = delta[(i - 1) * t + j] + trans[j * t + k];
                    if (v > best) { best = v; arg = j; }
                }
                delta[i * t + k] = best + emissions[i * t + k];
                back[i * t + k] = arg;
            }
        float top = float.NegativeInfinity;
        var tags = new int[n];
        for (int k = 0; k < t; k++)
        {
            if (!set.AllowedEnd(k)) continue;
            float v = delta[(n - 1) * t + k] + end[k];
            if (v > top) { top = v; tags[n - 1] = k; }
        }
        for (int i = n - 1; i > 0; i--) tags[i - 1] = back[i * t + tags[i]];
        return tags;
    }

    /// <summary>A path's total score, or null when the tag set does not allow it.</summary>
    private static double? PathScore(TagSet set, int[] path, float[] trans, float[] start, float[] end, float[] emissions)
    {
        int t = set.Count;
        if (!set.AllowedStart(path[0]) || !set.AllowedEnd(path[^1])) return null;
        double score = start[path[0]] + end[path[^1]];
        for (int i = 0; i < path.Length; i++)
        {
            if (i > 0 && !set.Allowed(path[i - 1], path[i])) return null;
            score += emissions[i * t + path[i]] + (i > 0 ? trans[path[i - 1] * t + path[i]] : 0);
        }
        return score;
    }

    [Theory]
    [InlineData(TagEncoding.Bio, 4, 0.7f)]
    [InlineData(TagEncoding.Bilou, 3, 1.3f)]
    public void Confidences_EqualMarginalsOverEveryValidPath(TagEncoding encoding, int n, float temperature)
    {
        var set = new TagSet(encoding);
        int t = set.Count;
        var rng = new Random(11);
        float[] Random(int count, float spread) =>
            Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1) * spread).ToArray();
        for (int trial = 0; trial < 5; trial++)
        {
            // Large score gaps as well as small ones: the scaled recursions must neither overflow nor lose the small paths.
            float spread = trial == 4 ? 200 : 4;
            float[] trans = Random(t * t, spread), start = Random(t, spread), end = Random(t, spread), emissions = Random(n * t, spread);
            var model = new PerceptronModel(set, FeatureSet.None, new FeatureIndex([]), [], trans, start, end, temperature);
            var tags = new int[n];
            var decoder = new ViterbiDecoder();
            decoder.Decode(model, emissions, n, tags);
            var confidence = new float[n];
            decoder.Confidences(model, emissions, n, tags, confidence);

            var expected = BruteForceMarginals(set, trans, start, end, emissions, n, temperature, tags);
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], confidence[i], 2e-6);
        }
    }

    [Fact]
    public void Confidences_ScoresTooFarApartForSinglePrecision_StillEqualTheMarginals()
    {
        // Token 0 all but demands B-PER, token 1 all but demands O, which cannot follow B-PER: every path
        // is e^-150 or less from the best emissions, which no float holds, so the sentence is redone in double.
        var set = new TagSet(TagEncoding.Bilou);
        int t = set.Count, n = 2;
        var emissions = Enumerable.Repeat(-150f, n * t).ToArray();
        int bPer = set.TagOf(Extractor.Text.EntityLabel.Person, 0);
        emissions[bPer] = 0;
        emissions[t + TagSet.Outside] = 0;
        float[] trans = new float[t * t], start = new float[t], end = new float[t];
        var model = new PerceptronModel(set, FeatureSet.None, new FeatureIndex([]), [], trans, start, end, 1f);
        var decoder = new ViterbiDecoder();
        var tags = new int[n];
        decoder.Decode(model, emissions, n, tags);
        var confidence = new float[n];
        decoder.Confidences(model, emissions, n, tags, confidence);
        var expected = BruteForceMarginals(set, trans, start, end, emissions, n, 1f, tags);
        Assert.All(expected, p => Assert.InRange(p, 0.01, 1));
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], confidence[i], 2e-6);
    }

    /// <summary>Each token's marginal of its tag in <paramref name="tags"/>: a softmax over every valid path of its
    /// tempered score, in log space.</summary>
    private static double[] BruteForceMarginals(TagSet set, float[] trans, float[] start, float[] end, float[] emissions,
        int n, float temperature, int[] tags)
    {
        int t = set.Count;
        var path = new int[n];
        var logScores = new List<(double Score, int[] Path)>();
        for (long code = 0; code < (long)Math.Pow(t, n); code++)
        {
            long c = code;
            for (int i = 0; i < n; i++, c /= t) path[i] = (int)(c % t);
            if (PathScore(set, path, trans, start, end, emissions) is { } score)
                logScores.Add((score / temperature, (int[])path.Clone()));
        }
        double max = logScores.Max(p => p.Score);
        double z = logScores.Sum(p => Math.Exp(p.Score - max));
        return Enumerable.Range(0, n)
            .Select(i => logScores.Where(p => p.Path[i] == tags[i]).Sum(p => Math.Exp(p.Score - max)) / z)
            .ToArray();
    }
}
