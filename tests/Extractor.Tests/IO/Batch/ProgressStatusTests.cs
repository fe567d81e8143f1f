using Extractor.IO.Batch;

namespace Extractor.Tests.IO.Batch;

public class ProgressStatusTests
{
    private static RunSummary Done(int documents, int errors = 0) => new() { Documents = documents, Errors = errors, Entities = 7, Tokens = 50_000 };

    [Fact]
    public void KnownTotal_ShowsShareDoneAndTimeLeftAtTheRateSoFar()
    {
        var progress = new ProgressStatus(total: 1000);

        // 240 documents and 10 failures in 20 s: 750 inputs left at 12.5 a second is one minute.
        var line = progress.Text(Done(240, errors: 10), TimeSpan.FromSeconds(20));

        Assert.StartsWith("250/1000 inputs (25%) · 240 documents · 7 entities · 10 errors · 2500 tokens/s · 20 s", line);
        Assert.EndsWith(" · ETA 1:00", line);
    }

    [Fact]
    public void LongRun_EtaInHours()
    {
        var progress = new ProgressStatus(total: 100_000);

        // 99,000 inputs left at 10 a second.
        Assert.EndsWith(" · ETA 2:45:00", progress.Text(Done(1000), TimeSpan.FromSeconds(100)));
    }

    [Theory]
    [InlineData(0, 30)]     // nothing done yet: no rate to go by
    [InlineData(10, 0.5)]   // the first second is mostly start-up
    [InlineData(1000, 30)]  // finished
    public void NoEta_WhenTheRateSaysNothingYet(int documents, double seconds)
    {
        var line = new ProgressStatus(total: 1000).Text(Done(documents), TimeSpan.FromSeconds(seconds));

        Assert.DoesNotContain("ETA", line);
        Assert.StartsWith($"{documents}/1000 inputs", line);
    }

    [Fact]
    public void UnknownTotal_RatesOnly()
    {
        var line = new ProgressStatus().Text(Done(240), TimeSpan.FromSeconds(20));

        Assert.Equal("240 documents · 7 entities · 0 errors · 2500 tokens/s · 20 s", line);
    }

    [Fact]
    public void KnownBytes_ShowsShareOfInputAndTimeLeftAtTheByteRateSoFar()
    {
        var progress = new ProgressStatus(totalBytes: 4_000_000);
        var summary = Done(240);
        summary.InputBytes = 1_000_000;

        // A quarter of the input in 20 s: three quarters left is one minute.
        var line = progress.Text(summary, TimeSpan.FromSeconds(20));

        Assert.StartsWith("25% of input · 240 documents · 7 entities · 0 errors · 2500 tokens/s · 20 s", line);
        Assert.EndsWith(" · ETA 1:00", line);
    }

    [Fact]
    public void KnownBytes_InputThatGrewMeanwhile_StopsAtAHundredPercentWithoutEta()
    {
        var summary = Done(240);
        summary.InputBytes = 5_000_000;

        var line = new ProgressStatus(totalBytes: 4_000_000).Text(summary, TimeSpan.FromSeconds(20));

        Assert.StartsWith("100% of input · ", line);
        Assert.DoesNotContain("ETA", line);
    }
}
