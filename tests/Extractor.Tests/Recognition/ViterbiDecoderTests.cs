using Extractor.Recognition;

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
}
