using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>Dataset rows and file names built to break the reader or the diagnostics: each is one failed row or an escaped name, and the batch goes on.</summary>
public class HostileDatasetTests
{
    [Theory]
    [InlineData("""{"\udc00":1,"text":"x"}""")]
    [InlineData("""{"\ud800\ud800":1,"text":"x"}""")]
    [InlineData("""{"te\udfffxt":"x"}""")]
    [InlineData("""{"id":1,"\udc00\u0041":{"\ud800":2},"text":"x"}""")]
    public void Jsonl_UnpairedSurrogateInAFieldName_OneFailedLine(string line)
    {
        var r = CliRunner.WithStdin(line + "\n{\"text\":\"Tony Blair spoke.\"}\n", "extract", "--input-format", "jsonl", "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: -:1: a field name holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text\n", r.Stderr);
        Assert.Contains("Tony Blair", r.Stdout);
    }

    [Fact]
    public void Jsonl_EmptyId_NamedByItsLine()
    {
        var r = CliRunner.WithStdin("{\"id\":\"\",\"text\":\"Tony Blair spoke.\"}\n", "extract", "--input-format", "jsonl", "-f", "jsonl", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("{\"document\":\"-:1\"", r.Stdout);
    }

    [Theory]
    [InlineData("jsonl", "{\"id\":\"a\\u0000b\",\"text\":\"Tony Blair spoke.\"}\n")]
    [InlineData("csv", "id,text\n\"a\0b\",Tony Blair spoke.\n")]
    public void DatasetId_WithNul_WrittenEscaped(string format, string input)
    {
        var r = CliRunner.WithStdin(input, "extract", "--input-format", format, "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain('\0', r.Stdout);
        Assert.Contains("a\\x00b,PERSON,Tony Blair", r.Stdout);
    }

    [Theory]
    [InlineData("id,text\n1,Tony Blair spoke.\n2,\"b\n3,c\n", 2)]
    [InlineData("id,text\n1,Tony Blair spoke.\n2,\"b \"\"quoted\"\" and never closed\n", 2)]
    [InlineData("id,text\n1,Tony Blair spoke.\n2,x\n3,\"", 3)]
    public void Csv_QuoteNeverClosed_MalformedLastRowExitOne(string csv, int row)
    {
        var r = CliRunner.WithStdin(csv, "extract", "--input-format", "csv", "-l", "mention", "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: -:{row}: malformed CSV: a quoted field is never closed (the file ends inside it)\n", r.Stderr);
        Assert.Contains("Tony Blair", r.Stdout);
        Assert.DoesNotContain(CliRunner.ParseCsv(r.Stdout), m => m["document"] == row.ToString());
    }

    [Theory]
    [InlineData("id,text\n1,\"Tony Blair \"\"spoke\"\".\"\n")]
    [InlineData("id,text\n1,Tony Blair spoke.\n2,\"a,b\"\n")]
    [InlineData("id,text\r\n1,\"two\r\nlines by Tony Blair\"\r\n")]
    [InlineData("id,text\n1,say \"hi\" Tony Blair\n")]
    public void Csv_WellFormedQuotes_Accepted(string csv)
    {
        var r = CliRunner.WithStdin(csv, "extract", "--input-format", "csv", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("Tony Blair", r.Stdout);
    }

    [Fact]
    public void FileNameWithControlCharacters_DiagnosticStaysOneLine()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        folder.Write("good.txt", "Tony Blair spoke.");
        folder.Write("bad\nerror: forged.txt", new byte[] { 0, 1, 2, 3 });

        var r = CliRunner.Run("extract", folder.Path, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {folder.Path}/bad\\nerror: forged.txt: not text\n", r.Stderr);
    }

    [Fact]
    public void FailFast_WritesOnlyWhatCameBeforeTheFailure_SameEveryRun()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 30; i++) folder.Write($"{i:D2}.txt", $"Tony Blair met Gerhard Schroeder in Berlin on day {i}.");
        folder.Write("10.txt", new byte[] { 0, 1, 2, 3 });

        var runs = Enumerable.Range(0, 4).Select(k => CliRunner.Run("extract", folder.Path, "--fail-fast", "-q", "-j", k % 2 == 0 ? "1" : "4")).ToList();

        Assert.All(runs, r => Assert.Equal(1, r.ExitCode));
        Assert.All(runs, r => Assert.Equal(runs[0].Stdout, r.Stdout));
        var documents = CliRunner.ParseCsv(runs[0].Stdout).Select(row => row["document"]).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i:D2}.txt"), documents);
        Assert.Equal($"error: {folder.Path}/10.txt: not text\n", runs[0].Stderr);
    }
}
