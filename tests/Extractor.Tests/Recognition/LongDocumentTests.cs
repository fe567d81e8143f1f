using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Text;

namespace Extractor.Tests.Recognition;

/// <summary>A document longer than <see cref="EntityRecognizer.MaxPartTokens"/> is tagged a part of whole sentences at a time.</summary>
public class LongDocumentTests
{
    private static NerModel Model => ShippedModel.Model;

    private static string Samples() => ShippedModel.SamplesText();

    private static (Token[] Tokens, Sentence[] Sentences) Segment(string text) => StagePairTests.Segment(text);

    [Fact]
    public void SmallParts_EachTaggedAsItsOwnDocument_MentionsNumberedInTheWholeDocument()
    {
        string text = Samples();
        var (tokens, sentences) = Segment(text);
        const int part = 300;
        Assert.True(tokens.Length > 4 * part, $"only {tokens.Length} tokens");

        var whole = new EntityRecognizer(Model, WordLists.Default, part).Recognize(text, tokens, sentences);

        // The same parts (whole sentences, as many as fit), each given to a recognizer as a document of its own.
        var alone = new EntityRecognizer(Model, WordLists.Default);
        var expected = new List<Mention>();
        int parts = 0;
        for (int s0 = 0, s1; s0 < sentences.Length; s0 = s1, parts++)
        {
            int first = sentences[s0].FirstToken;
            for (s1 = s0 + 1; s1 < sentences.Length && sentences[s1].EndToken - first <= part; s1++) { }
            int end = sentences[s1 - 1].EndToken;
            var own = sentences[s0..s1].Select(s => new Sentence(s.FirstToken - first, s.EndToken - first)).ToArray();
            foreach (var m in alone.Recognize(text, tokens[first..end], own))
                expected.Add(m with { FirstToken = m.FirstToken + first, EndToken = m.EndToken + first, Sentence = m.Sentence + s0 });
        }

        Assert.True(parts >= 5, $"{parts} parts");
        Assert.Equal(expected, whole);
        Assert.Contains(whole, m => m.TextOf(text) == "Marco Rubio" && m.Label == EntityLabel.Person);
    }

    [Fact]
    public void DocumentWithinOnePart_TaggedWhole_AsBefore()
    {
        string text = Samples();
        var (tokens, sentences) = Segment(text);

        var parted = new EntityRecognizer(Model, WordLists.Default).Recognize(text, tokens, sentences);
        var wholeAtOnce = new EntityRecognizer(Model, WordLists.Default, tokens.Length).Recognize(text, tokens, sentences);
        var tooSmall = new EntityRecognizer(Model, WordLists.Default, tokens.Length / 2).Recognize(text, tokens, sentences);

        Assert.True(tokens.Length < EntityRecognizer.MaxPartTokens);
        Assert.Equal(wholeAtOnce, parted);
        // Splitting does change what the document-level features see: the test above is not vacuous.
        Assert.NotEqual(wholeAtOnce, tooSmall);
    }

    [Fact]
    public void LongerThanAPart_EveryMentionPointsAtItsOwnTokensAndSentence()
    {
        // Over 40,000 tokens of real news: two parts at the default size.
        string one = Samples();
        string text = string.Join("\n\n", Enumerable.Repeat(one, 1 + 40_000 / Segment(one).Tokens.Length));
        var (tokens, sentences) = Segment(text);
        Assert.True(tokens.Length > EntityRecognizer.MaxPartTokens);

        var mentions = new EntityRecognizer(Model, WordLists.Default).Recognize(text, tokens, sentences);

        Assert.True(mentions.Length > 1000, $"{mentions.Length} mentions");
        for (int i = 0; i < mentions.Length; i++)
        {
            var m = mentions[i];
            Assert.Equal(tokens[m.FirstToken].Start, m.Start);
            Assert.Equal(tokens[m.EndToken - 1].End, m.End);
            Assert.InRange(m.FirstToken, sentences[m.Sentence].FirstToken, sentences[m.Sentence].EndToken - 1);
            Assert.InRange(m.EndToken, m.FirstToken + 1, sentences[m.Sentence].EndToken);
            if (i > 0) Assert.True(mentions[i - 1].EndToken <= m.FirstToken, $"mention {i} overlaps or precedes the one before");
        }
        Assert.Contains(mentions, m => m.FirstToken > EntityRecognizer.MaxPartTokens && m.TextOf(text) == "Marco Rubio");
    }
}
