using Extractor.Cli.Extraction;

namespace Extractor.Tests.Cli;

public class TerminalProgressTests
{
    private static RunSummary Done(int documents, int errors = 0) => new() { Documents = documents, Errors = errors, Entities = 7, Tokens = 50_000 };

    [Fact]
    public void KnownTotal_ShowsShareDoneAndTimeLeftAtTheRateSoFar()
    {
        var progress = new TerminalProgress(TextWriter.Null, total: 1000);

        // 240 documents and 10 failures in 20 s: 750 inputs left at 12.5 a second is one minute.
        var line = progress.Status(Done(240, errors: 10), TimeSpan.FromSeconds(20));

        Assert.StartsWith("250/1000 inputs (25%) · 240 documents · 7 entities · 10 errors · 2500 tokens/s · 20 s", line);
        Assert.EndsWith(" · ETA 1:00", line);
    }

    [Fact]
    public void LongRun_EtaInHours()
    {
        var progress = new TerminalProgress(TextWriter.Null, total: 100_000);

        // 99,000 inputs left at 10 a second.
        Assert.EndsWith(" · ETA 2:45:00", progress.Status(Done(1000), TimeSpan.FromSeconds(100)));
    }

    [Theory]
    [InlineData(0, 30)]     // nothing done yet: no rate to go by
    [InlineData(10, 0.5)]   // the first second is mostly start-up
    [InlineData(1000, 30)]  // finished
    public void NoEta_WhenTheRateSaysNothingYet(int documents, double seconds)
    {
        var line = new TerminalProgress(TextWriter.Null, total: 1000).Status(Done(documents), TimeSpan.FromSeconds(seconds));

        Assert.DoesNotContain("ETA", line);
        Assert.StartsWith($"{documents}/1000 inputs", line);
    }

    [Fact]
    public void UnknownTotal_RatesOnly()
    {
        var line = new TerminalProgress(TextWriter.Null).Status(Done(240), TimeSpan.FromSeconds(20));

        Assert.Equal("240 documents · 7 entities · 0 errors · 2500 tokens/s · 20 s", line);
    }

    [Fact]
    public void Advance_RedrawsOneLineAtMostTenTimesASecond_FinishClearsIt()
    {
        var error = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new TerminalProgress(error, total: 4, elapsed: () => now);

        progress.Advance(Done(1));
        now = TimeSpan.FromMilliseconds(50);
        progress.Advance(Done(2));   // too soon after the last draw
        now = TimeSpan.FromMilliseconds(150);
        progress.Advance(Done(3));
        progress.Finish();

        Assert.StartsWith("\r\u001b[K1/4 inputs", error.ToString());
        Assert.Equal(3, error.ToString().Split("\r\u001b[K").Length - 1);
        Assert.DoesNotContain("2/4 inputs", error.ToString());
        Assert.EndsWith("\r\u001b[K", error.ToString());
    }
}
