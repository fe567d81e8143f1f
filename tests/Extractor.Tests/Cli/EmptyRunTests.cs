namespace Extractor.Tests.Cli;

/// <summary>Issue #33: a run whose inputs hold no text skips loading the model, and must give what a run with it gives.</summary>
public class EmptyRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("entity", "csv")]
    [InlineData("mention", "jsonl")]
    [InlineData("corpus", "json")]
    public void BlankInputs_GiveTheSameOutputAsWhenTheModelRuns(string level, string format)
    {
        string blank = _folder.File("blank.txt", "  \n\t\n"), empty = _folder.File("empty.txt", "");
        string text = _folder.File("text.txt", "Angela Merkel spoke in Berlin.");

        var alone = CliRunner.Run("extract", blank, empty, "-l", level, "-f", format);
        var withText = CliRunner.Run("extract", blank, empty, text, "-l", level, "-f", format, "--include", "*.txt");
        var onlyText = CliRunner.Run("extract", text, "-l", level, "-f", format);

        Assert.Equal(0, alone.ExitCode);
        Assert.StartsWith("extracted 2 documents, 0 entities, 0 mentions, 0 errors, 0 warnings", alone.Stderr);
        Assert.Equal(onlyText.Stdout, withText.Stdout);
        Assert.Equal(format == "jsonl" ? "" : format == "json" ? "[]\n" : CliRunner.Run("extract", text, "-l", level, "-f", format).Stdout.Split('\n')[0] + "\n", alone.Stdout);
    }

    [Fact]
    public void EmptyInput_WithAFileThatIsNoModel_IsStillAUsageError()
    {
        string model = _folder.File("broken.model", "Angela Merkel");

        var r = CliRunner.WithStdin("", "extract", "--model", model);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {model}: not an Extractor model file (bad magic number)\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void EmptyWorkbook_NamesTheModelOnItsRunSheet()
    {
        string xlsx = Path.Combine(_folder.Path, "out.xlsx");

        Assert.Equal(0, CliRunner.WithStdin("", "extract", "-o", xlsx, "-q").ExitCode);

        Assert.Contains(ShippedModel.Model.Info.Version, SpreadsheetOutputTests.SheetText(xlsx, sheet: 2));
    }
}
