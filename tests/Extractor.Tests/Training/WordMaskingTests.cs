using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Training;

namespace Extractor.Tests.Training;

public class WordMaskingTests(TrainedFixture fixture) : IClassFixture<TrainedFixture>
{
    private static readonly List<ConllDocument> Documents = ConllReader.Read(new StringReader(ConllFixtures.Iob1), "fixture.conll");

    private static (CorpusFeatures Corpus, FeatureExtractor Extractor) Setup()
    {
        var corpus = new CorpusFeatures(Documents, new TagSet(TagEncoding.Bilou), null, null);
        return (corpus, new FeatureExtractor(FeatureSet.All & ~FeatureSet.SecondPass, null));
    }

    [Fact]
    public void AHiddenWord_LosesItsIdentityEverywhere_AndKeepsItsSpelling()
    {
        var (corpus, extractor) = Setup();
        var masking = new WordMasking(new WordDropout(1, int.MaxValue, 1), corpus, [0, 1], extractor);
        var words = corpus.Infos[0].AsSpan(0, 5); // EU rejects German call .
        var masked = masking.Mask(words);
        Assert.NotNull(masked);
        var full = new ulong[FeatureExtractor.MaxFeatures];
        var kept = new ulong[FeatureExtractor.MaxFeatures];
        int n = extractor.Extract(words, 2, full);
        int k = masking.Extract(words, masked, 2, kept);
        var keptSet = kept.AsSpan(0, k).ToArray().ToHashSet();
        Assert.DoesNotContain(FeatureExtractor.WordFeature(words[2]), keptSet);
        // Every kept feature is one the true sentence has: hiding adds nothing new, it only takes away.
        Assert.Subset(full.AsSpan(0, n).ToArray().ToHashSet(), keptSet);
        // Spelling stays: the shape and suffix features read the same letters.
        var shapeOnly = new FeatureExtractor(FeatureSet.Shape | FeatureSet.Affixes, null);
        var spelling = new ulong[FeatureExtractor.MaxFeatures];
        int s = shapeOnly.ExtractWord(words[2], 0, spelling);
        Assert.Contains(spelling[s - 1], keptSet);
        Assert.True(k < n);
    }

    [Fact]
    public void CommonWords_AreNeverHidden_AndRateZeroHidesNothing()
    {
        var (corpus, extractor) = Setup();
        // "." is in both documents twice: with rare meaning "seen once", it is never hidden.
        var masking = new WordMasking(new WordDropout(1, 1, 1), corpus, [0, 1], extractor);
        var second = corpus.Infos[1];
        var masked = masking.Mask(second);
        Assert.NotNull(masked);
        int dot = Array.FindLastIndex(Documents[1].Tokens, t => Documents[1].Text[t.Start..t.End] == ".");
        Assert.Equal(second[dot].Word, masked[dot].Word);
        Assert.Null(new WordMasking(new WordDropout(0, int.MaxValue, 1), corpus, [0, 1], extractor).Mask(second));
    }

    [Fact]
    public void TrainingWithDropout_IsDeterministic_AndChangesTheWeights()
    {
        var options = fixture.Options with { WordDropout = 0.5, DropoutMaxCount = 1000 };
        var once = new PerceptronTrainer(options, null, null).Train(fixture.Train, fixture.Dev, "synthetic", null);
        var again = new PerceptronTrainer(options, null, null).Train(fixture.Train, fixture.Dev, "synthetic", null);
        Assert.Equal(once.FirstPass.Weights.ToArray(), again.FirstPass.Weights.ToArray());
        Assert.NotEqual(fixture.Model.FirstPass.Weights.ToArray(), once.FirstPass.Weights.ToArray());
        Assert.Contains("word-dropout=0.5/1000", once.Info.Settings);
    }
}
