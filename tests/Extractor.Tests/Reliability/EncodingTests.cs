using System.Globalization;
using System.Text;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>Issue #7: invalid UTF-8, UTF-16 with a BOM and every line-end convention, through the real command.</summary>
public class EncodingTests
{
    private const string Article = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.\n\nThe board of Siemens AG said Germany would sign.\nReuters reported.";

    /// <summary>Mention rows of the single file <paramref name="name"/> holding <paramref name="bytes"/>, with exit code and stderr (paths relative).</summary>
    private static (int ExitCode, List<Dictionary<string, string>> Rows, string Stderr) Extract(string name, byte[] bytes)
    {
        using var folder = new TempFolder();
        folder.Write(name, bytes);
        var r = CliRunner.Run("extract", folder.Path, "-l", "mention", "-t", "all", "-q");
        return (r.ExitCode, CliRunner.ParseCsv(r.Stdout), r.Stderr.Replace(folder.Path + Path.DirectorySeparatorChar, ""));
    }

    private static IEnumerable<(string Type, string Text)> Mentions(List<Dictionary<string, string>> rows) =>
        rows.Select(row => (row["type"], row["text"]));

    [Fact]
    public void InvalidUtf8_OneWarningNamingFileAndFirstBadByte_DocumentStillProcessed()
    {
        // "Café" in Latin-1: byte 0xE9 at offset 3 is not UTF-8; so is the 0xFF further on (one warning still).
        var bytes = Encoding.Latin1.GetBytes("Café owner Angela Merkel met Emmanuel Macron.\nNaïve \u00FF.");

        var (exitCode, rows, stderr) = Extract("latin1.txt", bytes);

        Assert.Equal(0, exitCode);
        Assert.Equal("warning: latin1.txt: invalid UTF-8 at byte 3; decoded with U+FFFD replacement characters\n", stderr);
        Assert.Contains(("PERSON", "Angela Merkel"), Mentions(rows));
        // Offsets count code points of the decoded text, in which the bad byte became one U+FFFD.
        Assert.Equal("11", rows.First(row => row["text"] == "Angela Merkel")["start"]);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public void InvalidUtf8InDatasetRows_OneWarningAtFirstBadRow_EveryRowStillProcessed(string format)
    {
        string Row(string id, string text) => format == "csv" ? $"{id},\"{text}\"\n" : $"{{\"id\":\"{id}\",\"text\":\"{text}\"}}\n";
        // Row a is UTF-8; rows b and c are Latin-1 ("Café", "Naïve"): one warning, at row b, as for a whole file.
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes(format == "csv" ? "id,text\n" : ""),
            .. Encoding.UTF8.GetBytes(Row("a", "Angela Merkel met Emmanuel Macron in Berlin.")),
            .. Encoding.Latin1.GetBytes(Row("b", "Café owner Marco Rubio spoke.")),
            .. Encoding.Latin1.GetBytes(Row("c", "Naïve Olaf Scholz arrived.")),
        ];
        using var folder = new TempFolder();
        var path = folder.Write("rows." + format, bytes);

        var r = CliRunner.Run("extract", path, "-l", "mention", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"warning: {path}:2: invalid UTF-8; decoded with U+FFFD replacement characters (reported for the first such row only)\n", r.Stderr);
        var rows = CliRunner.ParseCsv(r.Stdout);
        Assert.Contains(rows, row => row["document"] == "a" && row["text"] == "Angela Merkel");
        Assert.Contains(rows, row => row["document"] == "b" && row["text"] == "Marco Rubio");
        Assert.Contains(rows, row => row["document"] == "c" && row["text"] == "Olaf Scholz");
    }

    [Theory]
    [InlineData("rows.jsonl", "{\"id\":\"a\",\"text\":\"Angela Merkel \uFFFD met Emmanuel Macron.\"}\n")]
    [InlineData("rows.csv", "id,text\na,Angela Merkel \uFFFD met Emmanuel Macron.\n")]
    public void ReplacementCharacterWrittenInValidUtf8_NoWarning(string name, string contents)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, contents);

        var r = CliRunner.Run("extract", path, "-l", "mention", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains(CliRunner.ParseCsv(r.Stdout), row => row["text"] == "Angela Merkel");
    }

    [Fact]
    public void InvalidUtf8OnStdin_WarnsNamingStdin_DocumentStillProcessed()
    {
        // Through a real process, so the console's own decoding (whatever the locale) is what is tested.
        var bytes = Encoding.Latin1.GetBytes("Café owner Angela Merkel met Emmanuel Macron.");

        var (exitCode, stdout, stderr) = ExtractorProcess.Run(["extract", "-l", "mention", "-q"], stdin: bytes);

        Assert.Equal(0, exitCode);
        Assert.Equal("warning: -: invalid UTF-8; decoded with U+FFFD replacement characters\n", stderr);
        var rows = CliRunner.ParseCsv(stdout);
        Assert.Contains(rows, row => row["text"] == "Angela Merkel" && row["start"] == "11");
    }

    [Fact]
    public void ValidUtf8OnStdin_NoWarning_AccentsKept()
    {
        var (exitCode, stdout, stderr) = ExtractorProcess.Run(["extract", "-l", "mention", "-q"], stdin: Encoding.UTF8.GetBytes("Café owner Thomas Müller met Emmanuel Macron."));

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains(CliRunner.ParseCsv(stdout), row => row["text"] == "Thomas Müller");
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public void BomEncodedFile_ReadLikePlainUtf8(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Article)).ToArray();

        var (exitCode, rows, stderr) = Extract("bom.txt", bytes);
        var (_, plainRows, _) = Extract("bom.txt", new UTF8Encoding(false).GetBytes(Article));

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains(("PERSON", "Angela Merkel"), Mentions(rows));
        Assert.Equal(plainRows, rows);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void CrlfAndLoneCrLineEnds_SameMentionsAndSentencesAsLf(string lineEnd)
    {
        var text = Article.Replace("\n", lineEnd);

        var (exitCode, rows, _) = Extract("lines.txt", Encoding.UTF8.GetBytes(text));
        var (_, lfRows, _) = Extract("lines.txt", Encoding.UTF8.GetBytes(Article));

        Assert.Equal(0, exitCode);
        Assert.Equal(
            lfRows.Select(row => (row["type"], row["text"], row["sentence"])),
            rows.Select(row => (row["type"], row["text"], row["sentence"])));
        Assert.Contains(rows, row => row["text"] == "Siemens AG" && row["sentence"] == "1");
        Assert.Contains(rows, row => row["text"] == "Reuters" && row["sentence"] == "2");
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        foreach (var row in rows)
        {
            int start = int.Parse(row["start"], CultureInfo.InvariantCulture), end = int.Parse(row["end"], CultureInfo.InvariantCulture);
            Assert.Equal(row["text"], string.Concat(codePoints[start..end]));
        }
    }
}
