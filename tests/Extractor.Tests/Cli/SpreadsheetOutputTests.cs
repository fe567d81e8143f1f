using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Extractor.Tests.Cli;

/// <summary>Issue #32 end to end: xlsx, the BOM and separator options, table schemas, and the options' refusals.</summary>
public class SpreadsheetOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("-f json --bom", "--bom is for csv and tsv")]
    [InlineData("-f xlsx --bom", "--bom is for csv and tsv")]
    [InlineData("-f tsv --delimiter ;", "--delimiter is for csv")]
    [InlineData("--delimiter ab", "--delimiter 'ab' is not a separator")]
    [InlineData("--delimiter \"", "is not a separator")]
    public void OptionsThatDoNotGoWithTheFormat_AreUsageErrorsBeforeAnyWork(string options, string message)
    {
        var r = CliRunner.Run(["extract", CliRunner.Samples, .. options.Split(' ')]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Xlsx_ByExtension_IsAWorkbookWhoseRowsAreTheJsonRecords()
    {
        string xlsx = Path.Combine(_folder.Path, "out.xlsx");

        var r = CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "-o", xlsx, "-q");
        var json = CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "-f", "jsonl", "-q").Stdout;

        Assert.Equal(0, r.ExitCode);
        var records = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        var sheet = SheetText(xlsx);
        Assert.Equal(records.Length + 1, CountOf(sheet, "<row "));
        foreach (var record in records.Take(20))
        {
            Assert.Contains($"<v>{record.GetProperty("start").GetInt32()}</v>", sheet);
            Assert.Contains(System.Security.SecurityElement.Escape(record.GetProperty("text").GetString()!), sheet);
        }
    }

    [Fact]
    public void Xlsx_SameInput_SameBytes_AnyParallelism()
    {
        string one = Path.Combine(_folder.Path, "one.xlsx"), two = Path.Combine(_folder.Path, "two.xlsx");

        Assert.Equal(0, CliRunner.Run("extract", CliRunner.Samples, "-o", one, "-j", "1", "-q").ExitCode);
        Assert.Equal(0, CliRunner.Run("extract", CliRunner.Samples, "-o", two, "-j", "4", "-q").ExitCode);

        Assert.Equal(SheetText(one), SheetText(two));
        Assert.Equal(File.ReadAllBytes(one).Length, File.ReadAllBytes(two).Length);
    }

    [Fact]
    public void Xlsx_ToStandardOutputThatIsNotATerminal_IsTheWorkbook()
    {
        var bytes = new MemoryStream();
        var stdout = new StreamWriter(bytes, new UTF8Encoding(false));

        int code = Extractor.Cli.CliApp.Run(["extract", CliRunner.Samples, "-f", "xlsx", "-q"], stdout, new StringWriter());
        stdout.Flush();

        Assert.Equal(0, code);
        using var zip = new ZipArchive(new MemoryStream(bytes.ToArray()), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("xl/worksheets/sheet1.xml"));
    }

    [Fact]
    public void Schema_Json_NamesEveryColumnWithItsType()
    {
        string schema = Path.Combine(_folder.Path, "mentions.schema.json");

        var r = CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "--schema", schema, "-q");

        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(schema));
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal(CliRunner.ParseCsv(r.Stdout)[0].Keys.ToArray(), fields.Keys.ToArray());
        Assert.Equal(["integer", "integer", "number", "string"], new[] { fields["start"]!, fields["sentence"]!, fields["score"]!, fields["code"]! });
        Assert.Equal([""], json.RootElement.GetProperty("missingValues").EnumerateArray().Select(v => v.GetString()));
        Assert.All(json.RootElement.GetProperty("fields").EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("description").GetString()!));
    }

    [Theory]
    [InlineData("jsonl", "array")]
    [InlineData("csv", "string")]
    public void Schema_Aliases_AreAnArrayInJsonAndAJoinedStringInTables(string format, string type)
    {
        string schema = Path.Combine(_folder.Path, "entities.schema.json");

        Assert.Equal(0, CliRunner.Run("extract", CliRunner.Samples, "-f", format, "--schema", schema, "-q").ExitCode);

        using var json = JsonDocument.Parse(File.ReadAllText(schema));
        Assert.Equal(type, json.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "aliases").GetProperty("type").GetString());
    }

    [Fact]
    public void Schema_Sql_CreatesATableThatSqliteLoadsWithNumbersAsNumbers()
    {
        string sql = Path.Combine(_folder.Path, "mentions.sql"), csv = Path.Combine(_folder.Path, "mentions.csv"), db = Path.Combine(_folder.Path, "out.db");
        Assert.Equal(0, CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "-o", csv, "--schema", sql, "-q").ExitCode);
        Assert.Contains("\"start\" INTEGER NOT NULL", File.ReadAllText(sql));
        if (!File.Exists("/usr/bin/sqlite3")) return; // the consumer script (scripts/consumers/check.sh) runs it in CI

        Assert.Equal("", Sqlite(db, File.ReadAllText(sql)));
        Assert.Equal("", Sqlite(db, $".import --csv --skip 1 {csv} mentions"));
        var rows = CliRunner.ParseCsv(File.ReadAllText(csv));
        Assert.Equal(rows.Max(r => int.Parse(r["start"])).ToString(), Sqlite(db, "SELECT max(start) FROM mentions;").Trim());
        Assert.Equal("integer|real", Sqlite(db, "SELECT DISTINCT typeof(start) || '|' || typeof(score) FROM mentions;").Trim());
    }

    [Fact]
    public void Schema_ThatIsAnInput_IsRefused()
    {
        string input = _folder.File("in.txt", "Angela Merkel met Emmanuel Macron in Berlin.");

        var r = CliRunner.Run("extract", input, "--schema", input);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is also an input", r.Stderr);
        Assert.Equal("Angela Merkel met Emmanuel Macron in Berlin.", File.ReadAllText(input));
    }

    [Fact]
    public void Merge_OfAWorkbook_SaysItReadsTablesNotWorkbooks()
    {
        string xlsx = Path.Combine(_folder.Path, "corpus.xlsx");
        Assert.Equal(0, CliRunner.Run("extract", CliRunner.Samples, "-l", "corpus", "-o", xlsx, "-q").ExitCode);

        var r = CliRunner.Run("merge", xlsx);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("corpus.xlsx: an xlsx workbook; merge reads the csv, tsv, json or jsonl tables", r.Stderr);
    }

    private static string Sqlite(string db, string command)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sqlite3", [db]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.WriteLine(command);
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    /// <summary>The XML of sheet <paramref name="sheet"/> of the workbook at <paramref name="path"/>.</summary>
    internal static string SheetText(string path, int sheet = 1)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}

public class TableSchemasTests
{
    [Theory]
    [InlineData(Extractor.IO.Batch.OutputLevel.Mention)]
    [InlineData(Extractor.IO.Batch.OutputLevel.Entity)]
    [InlineData(Extractor.IO.Batch.OutputLevel.Corpus)]
    public void EveryColumnOfEveryLevel_HasADescriptionAndAType(Extractor.IO.Batch.OutputLevel level)
    {
        using var json = JsonDocument.Parse(Extractor.IO.Batch.TableSchemas.For(level, Extractor.IO.Output.OutputFormat.Csv, "x.json"));
        string sql = Extractor.IO.Batch.TableSchemas.For(level, Extractor.IO.Output.OutputFormat.Csv, "x.SQL");

        foreach (var field in json.RootElement.GetProperty("fields").EnumerateArray())
        {
            Assert.True(field.GetProperty("description").GetString()!.Length > 10);
            Assert.Contains($"\"{field.GetProperty("name").GetString()}\" ", sql);
        }
    }
}

public class OutputChoicesTests
{
    [Theory]
    [InlineData(Extractor.IO.Output.OutputFormat.Xlsx, true, "xlsx is a binary file")]
    [InlineData(Extractor.IO.Output.OutputFormat.Xlsx, false, null)]
    [InlineData(Extractor.IO.Output.OutputFormat.Csv, true, null)]
    [InlineData(Extractor.IO.Output.OutputFormat.Jsonl, true, null)]
    public void Xlsx_IsRefusedOnlyForATerminal(Extractor.IO.Output.OutputFormat format, bool terminal, string? problem)
    {
        string? found = Extractor.IO.Output.OutputChoices.Problem(format, Extractor.IO.Output.OutputOptions.Default, terminal);

        if (problem is null) Assert.Null(found);
        else Assert.StartsWith(problem, found);
    }
}
