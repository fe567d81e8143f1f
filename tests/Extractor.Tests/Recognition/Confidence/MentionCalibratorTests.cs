using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Tests.Recognition.Confidence;

/// <summary>The run-time half of issue #21: the calibrator's arithmetic, and the evidence the recognizer gathers on real text.</summary>
public class MentionCalibratorTests
{
    private static float[] Weights(params (int Index, float Weight)[] set)
    {
        var w = new float[MentionEvidence.Count];
        foreach (var (i, v) in set) w[i] = v;
        return w;
    }

    [Theory] // Sigmoid over a*logit(marginal) + b: with a = 1, b = 0 it gives the marginal back.
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    [InlineData(0.05f)]
    public void Sigmoid_OfIdentity_GivesTheMarginalBack(float marginal)
    {
        var calibrator = new MentionCalibrator("identity", Weights((0, 1f)), 0, [], []);
        var p = calibrator.Probability(new MentionEvidence { Marginal = marginal, MeanMarginal = marginal, Tokens = 1 }, new float[MentionEvidence.Count]);
        Assert.Equal(marginal, p, 4);
    }

    [Theory] // The step table gives the value of the last threshold at or below the score, and its first value below them all.
    [InlineData(-5f, 0.1f)]
    [InlineData(-1f, 0.1f)]
    [InlineData(-0.5f, 0.1f)]
    [InlineData(0f, 0.6f)]
    [InlineData(0.7f, 0.6f)]
    [InlineData(2f, 0.95f)]
    [InlineData(40f, 0.95f)]
    public void StepTable_IsRightContinuous(float z, float expected)
    {
        var calibrator = new MentionCalibrator("steps", Weights(), 0, [-1f, 0f, 2f], [0.1f, 0.6f, 0.95f]);
        Assert.Equal(expected, calibrator.Map(z));
    }

    [Fact]
    public void Probability_ReadsTheEvidenceItIsGiven()
    {
        // Weight only on seen-words: a mention of words the tagger knows scores higher than one it never met.
        var calibrator = new MentionCalibrator("seen", Weights((MentionEvidence.Names.ToList().IndexOf("seen-words"), 4f)), -2f, [], []);
        var scratch = new float[MentionEvidence.Count];
        float known = calibrator.Probability(new MentionEvidence { Marginal = 0.8f, Tokens = 2, SeenWords = 1 }, scratch);
        float fresh = calibrator.Probability(new MentionEvidence { Marginal = 0.8f, Tokens = 2, SeenWords = 0 }, scratch);
        Assert.Equal(1 / (1 + MathF.Exp(-2)), known, 5);
        Assert.Equal(1 / (1 + MathF.Exp(2)), fresh, 5);
    }

    [Theory]
    [InlineData(new float[] { 0f, 0f }, new float[] { 0.2f, 0.3f })]
    [InlineData(new float[] { 1f, 0f }, new float[] { 0.2f, 0.3f })]
    [InlineData(new float[] { 0f, 1f }, new float[] { 0.4f, 0.3f })]
    [InlineData(new float[] { 0f, 1f }, new float[] { 0.4f, 1.3f })]
    public void Constructor_RefusesATableThatIsNotIncreasingOrNotAProbability(float[] from, float[] to) =>
        Assert.Throws<ArgumentException>(() => new MentionCalibrator("bad", Weights(), 0, from, to));

    [Fact]
    public void Constructor_RefusesWeightsForOtherEvidence() =>
        Assert.Throws<ArgumentException>(() => new MentionCalibrator("short", new float[3], 0, [], []));

    [Fact]
    public void Evidence_OnTheSamples_CountsRepeatsAndKnownWords()
    {
        string text = ShippedModel.SamplesText();
        var (tokens, sentences) = Tokenized(text);
        var evidence = new List<MentionEvidence>();
        var recognizer = new EntityRecognizer(ShippedModel.Model, WordLists.Default, new RecognizerOptions(RawScores: true));

        var mentions = recognizer.Recognize(text, tokens, sentences, evidence);

        Assert.Equal(mentions.Length, evidence.Count);
        for (int i = 0; i < mentions.Length; i++)
        {
            var surface = text[mentions[i].Start..mentions[i].End];
            var same = mentions.Where(m => text[m.Start..m.End] == surface).ToList();
            Assert.Equal(same.Count - 1, evidence[i].SameSurface);
            Assert.Equal(mentions[i].Score, evidence[i].Marginal);
            Assert.Equal(mentions[i].EndToken - mentions[i].FirstToken, evidence[i].Tokens);
            Assert.Equal(mentions[i].Label, evidence[i].Label);
        }
        // The model keeps a weight for the word "Netanyahu" (25 times in eng.train) but none for "Benjamin" (10 times, in
        // non-name contexts too, so its word feature never earned one) or for "Witkoff" and "Trump" (absent in 1996).
        int netanyahu = Array.FindIndex(mentions, m => text[m.Start..m.End] == "Benjamin Netanyahu");
        int witkoff = Array.FindIndex(mentions, m => text[m.Start..m.End] == "Witkoff");
        int trump = Array.FindIndex(mentions, m => text[m.Start..m.End] == "Trump");
        Assert.Equal(0.5f, evidence[netanyahu].SeenWords);
        Assert.Equal(0f, evidence[witkoff].SeenWords);
        Assert.Equal(0f, evidence[trump].SeenWords);
        Assert.True(evidence[trump].SameSurface >= 5);
        Assert.Equal(1f, evidence[trump].SurfaceAgrees);
    }

    [Fact]
    public void Evidence_PartKnownNames_IsLowerWhereTheNamesAreNew()
    {
        // The same sentence frame, once with names of 1996 Reuters news and once with names it never held.
        const string known = "Officials in Paris said Clinton and Yeltsin met the German and French ministers in London on Monday.";
        const string fresh = "Officials in Kandahar said Zelenskyy and Witkoff met the Houthi and Wagner commanders in Hodeidah on Monday.";
        float Share(string text)
        {
            var (tokens, sentences) = Tokenized(text);
            var evidence = new List<MentionEvidence>();
            new EntityRecognizer(ShippedModel.Model, WordLists.Default).Recognize(text, tokens, sentences, evidence);
            Assert.NotEmpty(evidence);
            Assert.All(evidence, e => Assert.Equal(evidence[0].PartKnownNames, e.PartKnownNames));
            return evidence[0].PartKnownNames;
        }

        Assert.True(Share(known) > 0.8f, $"known names: {Share(known)}");
        Assert.True(Share(fresh) < 0.5f, $"new names: {Share(fresh)}");
    }

    [Fact]
    public void ShippedModel_ScoresAreCalibratedProbabilities_AndRawScoresStayAvailable()
    {
        string text = ShippedModel.SamplesText();
        var (tokens, sentences) = Tokenized(text);
        Assert.NotNull(ShippedModel.Model.Calibrator);

        var calibrated = new EntityRecognizer(ShippedModel.Model, WordLists.Default).Recognize(text, tokens, sentences);
        var raw = new EntityRecognizer(ShippedModel.Model, WordLists.Default, new RecognizerOptions(RawScores: true)).Recognize(text, tokens, sentences);

        // Same mentions, other scores, all probabilities.
        Assert.Equal(raw.Select(m => (m.Start, m.End, m.Label)), calibrated.Select(m => (m.Start, m.End, m.Label)));
        Assert.Contains(Enumerable.Range(0, raw.Length), i => raw[i].Score != calibrated[i].Score);
        Assert.All(calibrated, m => Assert.InRange(m.Score, 0f, 1f));
    }

    private static (Token[] Tokens, Sentence[] Sentences) Tokenized(string text)
    {
        var tokens = new List<Token>();
        new Extractor.Tokenization.Tokenizer().Tokenize(text, tokens);
        var sentences = new List<Sentence>();
        new Extractor.Tokenization.SentenceSplitter().Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        return ([.. tokens], [.. sentences]);
    }
}
