using Extractor.Text;
using Extractor.Training;

namespace Extractor.Tests.Training;

public class EvaluationTests
{
    private static List<ConllDocument> Gold() => ConllReader.Read(new StringReader(ConllFixtures.Iob1), "fixture.conll");

    [Fact]
    public void Iob2_AdjacentSpansOfOneType_EachStartsWithB()
    {
        var tags = Evaluation.Iob2(5, [new LabeledSpan(0, 1, EntityLabel.Location), new LabeledSpan(1, 2, EntityLabel.Location), new LabeledSpan(3, 5, EntityLabel.Person)]);

        Assert.Equal(["B-LOC", "B-LOC", "O", "B-PER", "I-PER"], tags);
    }

    [Fact]
    public void Score_GoldAgainstItself_IsPerfect_OneSpanMissed_LowersRecallOnly()
    {
        var documents = Gold();
        var perfect = documents.Select(d => d.Spans.ToArray()).ToArray();
        var missing = documents.Select((d, i) => i == 0 ? d.Spans.Skip(1).ToArray() : d.Spans.ToArray()).ToArray();

        Assert.Equal(100.0, Evaluation.Score(documents, perfect).Overall.F1);
        var scored = Evaluation.Score(documents, missing).Overall;
        Assert.Equal(100.0, scored.Precision);
        Assert.True(scored.Recall < 100.0);
    }

    [Fact]
    public void WritePredictions_WordGoldPredicted_SentencesAndDocumentsSeparated()
    {
        var documents = Gold();
        var none = documents.Select(_ => Array.Empty<LabeledSpan>()).ToArray();
        var writer = new StringWriter();

        Evaluation.WritePredictions(writer, documents, none);

        var lines = writer.ToString().Split('\n');
        Assert.Equal("-DOCSTART- O O", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Equal("EU B-ORG O", lines[2]);
        Assert.Contains("China B-LOC O", lines);
        Assert.Contains("Blackburn I-PER O", lines);
    }

    [Fact]
    public void WriteTable_OneRowPerLabelThenOverall_AlignedAsConlleval()
    {
        var documents = Gold();
        var missing = documents.Select((d, i) => i == 0 ? d.Spans.Skip(1).ToArray() : d.Spans.ToArray()).ToArray();
        var writer = new StringWriter();

        Evaluation.WriteTable(writer, Evaluation.Score(documents, missing));

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type      precision  recall     F1   gold  predicted", lines[0]);
        Assert.Equal(["PER", "ORG", "LOC", "MISC", "overall"], lines[1..].Select(l => l.Split(' ')[0]));
        Assert.All(lines[1..], l => Assert.Equal(lines[0].Length, l.Length));
        Assert.StartsWith("overall      100.00", lines[^1]);
    }
}
