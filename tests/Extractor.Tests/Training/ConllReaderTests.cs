using Extractor.Text;
using Extractor.Training;

namespace Extractor.Tests.Training;

public class ConllReaderTests
{
    [Fact]
    public void Read_Iob1_SplitsDocumentsAndSentences()
    {
        var docs = ConllReader.Read(new StringReader(ConllFixtures.Iob1), "fixture");
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.True(d.StartsWithDocStart));
        Assert.Equal(2, docs[0].Sentences.Length);
        Assert.Equal("EU rejects German call .\nPeter Blackburn", docs[0].Text);
        Assert.Equal("Blackburn", docs[0].Tokens[6].Of(docs[0].Text).ToString());
    }

    [Fact]
    public void Read_Iob1_BTagSeparatesAdjacentSpansOfOneType()
    {
        var doc = ConllReader.Read(new StringReader(ConllFixtures.Iob1), "fixture")[1];
        Assert.Equal(
            [new LabeledSpan(0, 1, EntityLabel.Location), new LabeledSpan(2, 3, EntityLabel.Location),
             new LabeledSpan(3, 4, EntityLabel.Location), new LabeledSpan(5, 6, EntityLabel.Person)],
            doc.Spans);
    }

    [Fact]
    public void Read_Iob2_SameSpansAsIob1()
    {
        const string iob2 = "Peter NNP O B-PER\nBlackburn NNP O I-PER\nof IN O O\nEU NNP O B-ORG\n\n";
        var doc = Assert.Single(ConllReader.Read(new StringReader(iob2), "x"));
        Assert.Equal([new LabeledSpan(0, 2, EntityLabel.Person), new LabeledSpan(3, 4, EntityLabel.Organization)], doc.Spans);
        Assert.False(doc.StartsWithDocStart);
    }

    [Theory]
    [InlineData("Peter NNP O B-FOO\n", "fixture:1: unknown tag 'B-FOO'")]
    [InlineData("\n\nPeter\n", "fixture:3: expected at least two columns")]
    public void Read_BadLine_NamesFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<ConllFormatException>(() => ConllReader.Read(new StringReader(text), "fixture"));
        Assert.StartsWith(expected, e.Message);
    }
}
