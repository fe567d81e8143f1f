using System.Text;
using System.Text.Json;
using Extractor.Cli;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>The smaller promises of issue #22: valid output when interrupted early, sizes in one unit, spreadsheet escaping, encodings, names, commands.</summary>
public class SmallPromisesTests
{
    [Theory]
    [InlineData("json", "[]\n")]
    [InlineData("csv", "type,name,code,documents,mentions,aliases,roles\n")]
    [InlineData("jsonl", "")]
    public void Corpus_InterruptedBeforeAnyTotals_OutputStillValid(string format, string expected)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        int code = CliApp.Run(["extract", CliRunner.Samples, "-l", "corpus", "-f", format, "-q"], output, error, cancel: new CancellationToken(canceled: true));

        Assert.Equal(130, code);
        Assert.Equal(expected, output.ToString());
        if (format == "json") Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output.ToString()).RootElement.ValueKind);
    }

    [Theory]
    [InlineData("jsonl", "{\"text\":\"Zoë Schmidt spoke in Zürich.\"}\n")]
    [InlineData("csv", "text\nZoë Schmidt spoke in Zürich.\n")]
    public void DatasetRows_CountedInBytesAsFilesAre(string format, string input)
    {
        string text = "Zoë Schmidt spoke in Zürich.";
        int bytes = Encoding.UTF8.GetByteCount(text);

        var under = CliRunner.WithStdin(input, "extract", "--input-format", format, "--max-document-size", bytes.ToString(), "-q");
        var over = CliRunner.WithStdin(input, "extract", "--input-format", format, "--max-document-size", (bytes - 1).ToString(), "-q");

        Assert.True(text.Length < bytes);
        Assert.Equal(0, under.ExitCode);
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("larger than --max-document-size", over.Stderr);
    }

    [Fact]
    public void Stdin_CountedInBytes()
    {
        string text = "Zoë Schmidt spoke in Zürich.";
        int bytes = Encoding.UTF8.GetByteCount(text);

        Assert.Equal(0, CliRunner.WithStdin(text, "extract", "--max-document-size", bytes.ToString(), "-q").ExitCode);
        Assert.Equal(1, CliRunner.WithStdin(text, "extract", "--max-document-size", (bytes - 1).ToString(), "-q").ExitCode);
    }

    [Theory]
    [InlineData(" =1+1")]
    [InlineData("\u00A0+cmd")]
    [InlineData("\uFF1D1+1")]
    [InlineData("\uFF0B1")]
    [InlineData("\uFF0D1")]
    [InlineData("\uFF20SUM(A1)")]
    [InlineData("  \uFF1Dx")]
    public void SpreadsheetFormulas_HiddenBehindSpacesOrFullWidth_Escaped(string id)
    {
        var r = CliRunner.WithStdin(JsonSerializer.Serialize(new { id, text = "Tony Blair spoke." }) + "\n", "extract", "--input-format", "jsonl", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("'" + id, CliRunner.ParseCsv(r.Stdout).Single()["document"]);
    }

    [Theory]
    [InlineData("utf-32le", new byte[] { 0xFF, 0xFE, 0, 0 })]
    [InlineData("utf-32be", new byte[] { 0, 0, 0xFE, 0xFF })]
    public void Utf32WithByteOrderMark_Read(string encoding, byte[] bom)
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", [.. bom, .. Encoding.GetEncoding(encoding).GetBytes("Tony Blair spoke.")]);

        var r = CliRunner.Run("extract", file, "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Tony Blair", r.Stdout);
    }

    [Fact]
    public void FileNameNotUtf8_SaysSoInsteadOfNotFound()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new TempFolder();
        folder.Write("ok.txt", "Tony Blair spoke.");
        Assert.Equal(0, ShellScript.Run("printf 'Tony Blair spoke.' > $'caf\\xe9.txt'", folder.Path).ExitCode);

        var r = CliRunner.Run("extract", folder.Path, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("file name is not valid UTF-8, which .NET cannot open", r.Stderr);
        Assert.Contains("ok.txt,PERSON,Tony Blair", r.Stdout);
    }

    [Theory]
    [InlineData("frob")]
    [InlineData("extarct")]
    public void UnknownCommand_NamedWithTheCommandsThereAre(string command)
    {
        var r = CliRunner.Run(command, "samples/");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: unknown command '{command}' (commands: extract, merge, tokenize, train, evaluate, clusters)\n", r.Stderr);
    }
}
