using Extractor.Cli;
using Extractor.Cli.Commands;
using Extractor.IO.Batch;

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
    public void KnownBytes_ShowsShareOfInputAndTimeLeftAtTheByteRateSoFar()
    {
        var progress = new TerminalProgress(TextWriter.Null, totalBytes: 4_000_000);
        var summary = Done(240);
        summary.InputBytes = 1_000_000;

        // A quarter of the input in 20 s: three quarters left is one minute.
        var line = progress.Status(summary, TimeSpan.FromSeconds(20));

        Assert.StartsWith("25% of input · 240 documents · 7 entities · 0 errors · 2500 tokens/s · 20 s", line);
        Assert.EndsWith(" · ETA 1:00", line);
    }

    [Fact]
    public void KnownBytes_InputThatGrewMeanwhile_StopsAtAHundredPercentWithoutEta()
    {
        var summary = Done(240);
        summary.InputBytes = 5_000_000;

        var line = new TerminalProgress(TextWriter.Null, totalBytes: 4_000_000).Status(summary, TimeSpan.FromSeconds(20));

        Assert.StartsWith("100% of input · ", line);
        Assert.DoesNotContain("ETA", line);
    }

    [Theory]
    [InlineData(false, "1/2 inputs (50%) · ")]   // files: counted up front
    [InlineData(true, "% of input · ")]          // a dataset among them: its rows are not, its bytes are
    public void ExtractOnATerminal_MeasuresProgressByInputsOrByBytes(bool withDataset, string expected)
    {
        using var folder = new IO.TempFolder();
        string first = folder.Write("a.txt", "Angela Merkel spoke in Berlin.");
        string second = withDataset
            ? folder.Write("b.jsonl", "{\"text\": \"Emmanuel Macron replied.\"}\n{\"text\": \"Olaf Scholz agreed.\"}\n")
            : folder.Write("b.txt", "Emmanuel Macron replied.");
        var error = new StringWriter();

        int code = CliApp.Run(["extract", first, second, "-o", Path.Combine(folder.Path, "out.csv")], new StringWriter(), error,
            new StdinProvider(() => new StringReader(""), errorIsTerminal: true));

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("\r\u001b[K", error.ToString());
        Assert.Contains(expected, error.ToString());
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
