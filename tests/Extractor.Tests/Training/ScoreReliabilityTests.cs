using Extractor.Training;

namespace Extractor.Tests.Training;

public class ScoreReliabilityTests
{
    [Fact]
    public void Error_IsTheMentionWeightedGapPerBin()
    {
        var r = new ScoreReliability();
        for (int i = 0; i < 10; i++) r.Add(0.95f, right: i < 9);
        for (int i = 0; i < 4; i++) r.Add(0.25f, right: i == 0);
        // 0.95 bin: 9 of 10 right (0.9 against 0.95); 0.25 bin: 1 of 4 right (0.25 against 0.25).
        Assert.Equal(10.0 / 14 * 0.05, r.ExpectedCalibrationError, 6);
        Assert.Equal(14, r.Count);
    }

    [Theory]
    [InlineData(0f, 0)]
    [InlineData(0.0999f, 0)]
    [InlineData(0.1f, 1)]
    [InlineData(0.95f, 9)]
    [InlineData(1f, 9)]
    public void Score_FallsInItsBin(float score, int bin)
    {
        var r = new ScoreReliability();
        r.Add(score, right: true);
        var row = Assert.Single(r.Rows());
        Assert.Equal(bin / 10.0, row.From, 6);
        Assert.Equal(1.0, row.Right);
    }

    [Fact]
    public void OverconfidentScores_ShowTheirGap()
    {
        var r = new ScoreReliability();
        for (int i = 0; i < 100; i++) r.Add(0.9f, right: i < 50);
        Assert.Equal(0.4, r.ExpectedCalibrationError, 4);
        var text = new StringWriter { NewLine = "\n" };
        r.WriteTable(text, "test");
        Assert.Equal("calibration (test): ECE 0.400 over 100 predicted mentions\nscore      mentions  mean score  right\n0.9-1.0          100       0.900  0.500\n", text.ToString());
    }

    [Fact]
    public void NoMentions_ZeroError() => Assert.Equal(0, new ScoreReliability().ExpectedCalibrationError);
}
