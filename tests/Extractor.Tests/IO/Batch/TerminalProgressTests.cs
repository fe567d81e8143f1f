using Extractor.Cli;
using Extractor.Cli.Commands;
using Extractor.IO.Batch;
using Extractor.IO.StandardStreams;
using Extractor.Tests.Cli;

namespace Extractor.Tests.IO.Batch;

public class TerminalProgressTests
{
    private static RunSummary Done(int documents, int errors = 0) => new() { Documents = documents, Errors = errors, Entities = 7, Tokens = 50_000 };

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
        var progress = new TerminalProgress(error, new ProgressStatus(total: 4), () => now);

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
