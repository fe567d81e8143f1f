using System.Text.Json;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue #7: a CSV/TSV cell starting with <c>= + - @</c>, tab or CR is escaped (prefixed with <c>'</c>) so a spreadsheet
/// shows it instead of running it. Attacker-controlled text reaches the <c>document</c> column through a dataset's
/// ids, which these tests control; the shipped model tags no entity whose surface starts with such a character
/// (it leaves <c>@Reuters</c> and <c>+Siemens</c> untagged), so surface columns are covered in RecordWritersTests.
/// </summary>
public class FormulaInjectionTests
{
    /// <summary>One dangerous id per injection character, each on a row whose text has an entity.</summary>
    private static readonly string[] DangerousIds = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\tx", "\rx"];

    private static string Dataset(TempFolder folder) =>
        folder.Write("rows.jsonl", string.Concat(DangerousIds.Select(id =>
            JsonSerializer.Serialize(new { id, text = "Chancellor Angela Merkel spoke in Berlin." }) + "\n")));

    [Theory]
    [InlineData("csv", "entity")]
    [InlineData("tsv", "entity")]
    [InlineData("csv", "mention")]
    [InlineData("tsv", "mention")]
    public void DangerousCells_EscapedByDefault(string format, string level)
    {
        using var folder = new TempFolder();

        var r = CliRunner.Run("extract", Dataset(folder), "-f", format, "-l", level, "-q");

        Assert.Equal(0, r.ExitCode);
        var documents = CliRunner.ParseTable(r.Stdout, format).Select(row => row["document"]).Distinct();
        Assert.Equal(DangerousIds.Select(id => "'" + id), documents);
        Assert.DoesNotContain("\n=", r.Stdout);
        Assert.DoesNotContain(",=", r.Stdout);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("tsv")]
    public void NoEscapeFormulas_WritesCellsAsGiven(string format)
    {
        using var folder = new TempFolder();

        var r = CliRunner.Run("extract", Dataset(folder), "-f", format, "--no-escape-formulas", "-q");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(DangerousIds, CliRunner.ParseTable(r.Stdout, format).Select(row => row["document"]).Distinct());
    }

    [Fact]
    public void Json_NeverEscaped_ValuesAsGiven()
    {
        using var folder = new TempFolder();

        var r = CliRunner.Run("extract", Dataset(folder), "-f", "jsonl", "-q");

        Assert.Equal(DangerousIds, r.Stdout.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.GetProperty("document").GetString()).Distinct());
    }

    [Fact]
    public void StdinDocumentId_LoneDash_NotEscaped()
    {
        var r = CliRunner.WithStdin("Chancellor Angela Merkel spoke in Berlin.", "extract", "-q");

        Assert.Equal("-", Assert.Single(CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct()));
    }
}
