using Extractor.Text;
using Extractor.Training;

namespace Extractor.Tests.Training;

public class SpanScorerTests
{
    [Fact]
    public void Score_CountsOnlyExactSpanAndLabelMatches()
    {
        var scorer = new SpanScorer();
        scorer.Add(
            [new(0, 2, EntityLabel.Person), new(3, 4, EntityLabel.Location), new(5, 6, EntityLabel.Organization)],
            [new(0, 2, EntityLabel.Person), new(3, 4, EntityLabel.Organization), new(5, 7, EntityLabel.Organization), new(8, 9, EntityLabel.Misc)]);
        Assert.Equal(new Score(3, 4, 1), scorer.Overall);
        Assert.Equal(25.0, scorer.Overall.Precision, 6);
        Assert.Equal(100.0 / 3, scorer.Overall.Recall, 6);
        Assert.Equal(2 * 25.0 * (100.0 / 3) / (25.0 + 100.0 / 3), scorer.Overall.F1, 6);
        Assert.Equal(100.0, scorer.For(EntityLabel.Person).F1, 6);
        Assert.Equal(0.0, scorer.For(EntityLabel.Location).F1, 6);
    }

    [Fact]
    public void Score_NothingPredicted_IsZeroNotNaN()
    {
        var scorer = new SpanScorer();
        scorer.Add([new(0, 1, EntityLabel.Person)], []);
        Assert.Equal(0.0, scorer.Overall.F1);
    }
}
