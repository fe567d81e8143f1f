using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using Extractor.Cli;

namespace Extractor.Tests.Cli;

public class ExtractCommandTests
{
    private const string EntityHeader = "document,type,name,code,mentions,first_start,aliases,score,role,affiliation";
    private const string MentionHeader = "document,type,text,name,code,start,end,sentence,score,role,affiliation";
    private const string CorpusHeader = "type,name,code,documents,mentions,aliases,roles";

    private static List<Dictionary<string, string>> ParseCsv(string csv, char separator = ',') => CliRunner.ParseCsv(csv, separator);

    [Theory]
    [InlineData("entity", EntityHeader)]
    [InlineData("mention", MentionHeader)]
    [InlineData("corpus", CorpusHeader)]
    public void Extract_Samples_CsvHeaderPerLevel(string level, string header)
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, "-l", level, "-q");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(header, r.Stdout.Split('\n')[0]);
        Assert.True(ParseCsv(r.Stdout).Count > 10);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Extract_Samples_RowsSortedByDocumentThenStart()
    {
        var rows = ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "-q").Stdout);
        var keys = rows.Select(r => (r["document"], int.Parse(r["start"], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ToList(), keys);
        Assert.Equal(3, keys.Select(k => k.Item1).Distinct().Count());
    }

    [Fact]
    public void Extract_Mentions_OffsetsSliceBackByCodePoint()
    {
        // An emoji (two UTF-16 units, one code point) before the names shifts UTF-16 and code-point offsets apart.
        const string text = "😀 German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.";
        var rows = ParseCsv(CliRunner.WithStdin(text, "extract", "-l", "mention", "-t", "all", "-q").Stdout);
        Assert.Contains(rows, r => r["text"] == "Angela Merkel" && r["type"] == "PERSON");
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        foreach (var row in rows)
        {
            int start = int.Parse(row["start"], CultureInfo.InvariantCulture), end = int.Parse(row["end"], CultureInfo.InvariantCulture);
            Assert.Equal(row["text"], string.Concat(codePoints[start..end]));
            Assert.Equal("-", row["document"]);
        }
    }

    [Fact]
    public void Extract_Json_IsOneArrayOfRecords()
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, "-f", "json", "-q");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        var first = doc.RootElement[0];
        Assert.Equal(EntityHeader.Split(','), first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, first.GetProperty("mentions").ValueKind);
    }

    [Fact]
    public void Extract_Jsonl_OneParseableObjectPerLine()
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, "-f", "jsonl", "-l", "mention", "-q");
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 10);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(MentionHeader.Split(','), doc.RootElement.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Extract_Tsv_HeaderTabSeparated()
    {
        var r = CliRunner.Run("extract", CliRunner.Samples, "-f", "tsv", "-q");
        Assert.Equal(EntityHeader.Replace(',', '\t'), r.Stdout.Split('\n')[0]);
        Assert.NotEmpty(CliRunner.ParseTsv(r.Stdout));
    }

    [Fact]
    public void Extract_OutputFile_FormatFromExtension_NothingOnStdout()
    {
        using var tmp = new TempFolder();
        string output = Path.Combine(tmp.Path, "out.jsonl");
        var r = CliRunner.Run("extract", CliRunner.Samples, "-o", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("extracted 3 documents", r.Stderr);
        Assert.All(File.ReadAllLines(output), line => JsonDocument.Parse(line).Dispose());
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void Extract_ParallelOrSerial_ByteIdentical()
    {
        var serial = CliRunner.Run("extract", CliRunner.Samples, "-l", "mention", "-j", "1", "-q").Stdout;
        var parallel = CliRunner.Run("extract", CliRunner.Samples, CliRunner.Samples, "-l", "mention", "-j", "8", "-q").Stdout;
        var doubled = CliRunner.Run("extract", CliRunner.Samples, CliRunner.Samples, "-l", "mention", "-j", "1", "-q").Stdout;
        Assert.Equal(doubled, parallel);
        Assert.StartsWith(serial.TrimEnd('\n'), parallel);
    }

    [Fact]
    public void Extract_JsonlDataset_RowsById_BadRowsNamedExitOne()
    {
        using var tmp = new TempFolder();
        string data = tmp.File("news.jsonl", """
            {"id": "a1", "text": "President Barack Obama spoke in Washington."}
            {"id": "a2", "text": 42}
            not json
            {"text": "Chancellor Angela Merkel visited Paris."}
            """);
        var r = CliRunner.Run("extract", data, "-q");
        Assert.Equal(1, r.ExitCode);
        var rows = ParseCsv(r.Stdout);
        Assert.Contains(rows, row => row["document"] == "a1" && row["name"] == "Barack Obama");
        Assert.Contains(rows, row => row["document"].EndsWith("news.jsonl:4") && row["name"] == "Angela Merkel");
        Assert.Contains("news.jsonl:2", r.Stderr);
        Assert.Contains("news.jsonl:3", r.Stderr);
    }

    [Fact]
    public void Extract_CsvDataset_TextField()
    {
        using var tmp = new TempFolder();
        string data = tmp.File("news.csv", "id,body\nx1,\"Prime Minister Boris Johnson met officials in London.\"\n");
        var r = CliRunner.Run("extract", data, "--text-field", "body", "-q");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(ParseCsv(r.Stdout), row => row["document"] == "x1" && row["name"] == "Boris Johnson");
    }

    [Fact]
    public void Extract_Folder_DocumentIdsRelativeAndDatasetsNotReadByDefault()
    {
        using var tmp = new TempFolder();
        tmp.File("b/story.txt", "Angela Merkel spoke in Berlin.");
        tmp.File("a.md", "Emmanuel Macron spoke in Paris.");
        tmp.File("old-output.csv", "document,type\nx,PERSON\n");
        var rows = ParseCsv(CliRunner.Run("extract", tmp.Path, "-q").Stdout);
        Assert.Equal(["a.md", "b/story.txt"], rows.Select(r => r["document"]).Distinct());
    }

    [Fact]
    public void Extract_TypesAndMinScore_Filter()
    {
        var countries = ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "-t", "country", "-q").Stdout);
        Assert.All(countries, r => Assert.Equal("COUNTRY", r["type"]));
        Assert.All(countries, r => Assert.Equal(2, r["code"].Length));
        var confident = ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "--min-score", "0.9", "-l", "mention", "-q").Stdout);
        Assert.All(confident, r => Assert.True(double.Parse(r["score"], CultureInfo.InvariantCulture) >= 0.9));
    }

    [Theory]
    [InlineData("person,country")]
    [InlineData("person", "country")]
    [InlineData("PER,Countries")]
    [InlineData("people, country")]
    public void Extract_Types_SpellingsAndRepeatsMeanTheSameSet(params string[] values)
    {
        var args = new List<string> { "extract", CliRunner.Samples, "-q" };
        foreach (var v in values) args.AddRange(["-t", v]);

        var rows = ParseCsv(CliRunner.Run([.. args]).Stdout);

        Assert.Equal(["COUNTRY", "PERSON"], rows.Select(r => r["type"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_TypesAll_IncludesLocationsAndMisc()
    {
        var types = ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "-q", "-t", "all").Stdout).Select(r => r["type"]).ToHashSet();

        Assert.Contains("LOCATION", types);
        Assert.Contains("MISC", types);
        Assert.Contains("ORGANIZATION", types);
    }

    [Fact]
    public void Extract_CorpusLevel_CountsDocuments()
    {
        var rows = ParseCsv(CliRunner.Run("extract", CliRunner.Samples, "-l", "corpus", "-q").Stdout);
        var us = Assert.Single(rows, r => r["name"] == "United States");
        Assert.Equal("3", us["documents"]);
        Assert.Equal("US", us["code"]);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--level", "sideways")]
    [InlineData("--types", "animals")]
    [InlineData("--min-score", "2")]
    [InlineData("/no/such/path")]
    public void Extract_UsageErrors_ExitTwoNothingOnStdout(params string[] args)
    {
        var r = CliRunner.Run(["extract", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("error: ", r.Stderr);
    }

    [Fact]
    public void Extract_BadModel_ExitTwoNamesFile()
    {
        using var tmp = new TempFolder();
        string model = tmp.File("broken.model", "this is not a model");
        var r = CliRunner.WithStdin("Text.", "extract", "--model", model);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("broken.model: not an Extractor model file", r.Stderr);
    }

    [Fact]
    public void Version_ShowsToolAndModel()
    {
        var r = CliRunner.Run("--version");
        Assert.Matches(@"^extractor \d+\.\d+\.\d+\nmodel \S+ \(dev F1 \d+\.\d\d", r.Stdout);
    }

    [Fact]
    public void ToolVersion_IsTheAssemblysVersion()
    {
        // BuildInfo.Version is written by a build target: it must say what the package and the assembly say.
        string informational = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(informational.Split('+')[0], VersionAction.ToolVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", VersionAction.ToolVersion);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("train")]
    [InlineData("evaluate")]
    public void Help_ShowsExamples(string command)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Examples:", r.Stdout);
        Assert.Contains($"extractor {command}", r.Stdout);
    }

    [Fact]
    public void Help_TopLevel_OneExamplesBlock_ExtractListedFirst()
    {
        var r = CliRunner.Run("--help");

        Assert.Equal(0, r.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(r.Stdout, "^Examples:", System.Text.RegularExpressions.RegexOptions.Multiline));
        var commands = r.Stdout[(r.Stdout.IndexOf("Commands:", StringComparison.Ordinal) + 9)..].TrimStart('\n');
        Assert.StartsWith("  extract", commands);
    }
}
