using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>Issue #7: broken dataset rows are named <c>FILE:LINE</c> and skipped; a broken model file stops the run with exit 2.</summary>
public class DatasetAndModelTests
{
    [Fact]
    public void JsonlBadRows_EachNamedFileLineWithReason_OtherRowsProcessedExitOne()
    {
        using var folder = new TempFolder();
        var file = folder.Write("news.jsonl", string.Join('\n',
            """{"id": "ok-1", "text": "Chancellor Angela Merkel visited Paris."}""",
            """{"id": "broken", "text": "unterminated""",
            """{"id": "no-text", "body": "Angela Merkel"}""",
            """{"id": "number", "text": 42}""",
            """{"id": "list", "text": ["Angela Merkel"]}""",
            """{"id": "ok-2", "text": "President Emmanuel Macron spoke."}"""));

        var r = CliRunner.Run("extract", file, "-q");

        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"error: {file}:2: malformed JSON at byte ", lines[0]);
        Assert.Equal(
            [
                $"error: {file}:3: no \"text\" field",
                $"error: {file}:4: \"text\" is a number, not a string",
                $"error: {file}:5: \"text\" is an array, not a string",
            ],
            lines[1..]);
        Assert.Equal(["ok-1", "ok-2"], CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct());
    }

    [Fact]
    public void CsvWithoutTextColumn_ErrorNamesColumnsFound_OtherInputsProcessedExitOne()
    {
        using var folder = new TempFolder();
        var bad = folder.Write("bad.csv", "id,headline,body\n1,Merkel,Angela Merkel spoke.\n");
        var good = folder.Write("good.csv", "id,text\n7,President Emmanuel Macron spoke.\n");

        var r = CliRunner.Run("extract", bad, good, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {bad}: no \"text\" column (columns found: id, headline, body)\n", r.Stderr);
        Assert.Equal(["7"], CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct());
    }

    /// <summary>Damages to the shipped model: cut short, one payload byte flipped, another format version, empty, not a model.</summary>
    public static TheoryData<string> ModelDamages => ["truncated", "corrupt", "wrong-version", "empty", "text"];

    [Theory]
    [MemberData(nameof(ModelDamages))]
    public void BrokenModelFile_ClearErrorNamingFile_ExitTwoNothingWritten(string damage)
    {
        using var folder = new TempFolder();
        var model = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "models", "extractor.model"));
        byte[] broken = damage switch
        {
            "truncated" => model[..(model.Length / 2)],
            "corrupt" => Flip(model, model.Length - 100),
            "wrong-version" => Flip(model, 8),
            "empty" => [],
            _ => "Angela Merkel"u8.ToArray(),
        };
        var path = folder.Write("broken.model", broken);
        var output = Path.Join(folder.Path, "out.csv");

        var r = CliRunner.WithStdin("Angela Merkel spoke.", "extract", "--model", path, "-o", output);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith($"error: {path}: ", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal(["broken.model"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }
}
