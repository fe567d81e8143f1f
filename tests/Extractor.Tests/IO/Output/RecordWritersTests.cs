using System.Text.Json;
using CsvHelper;
using Extractor.IO.Output;
using Extractor.IO.Records;

namespace Extractor.Tests.IO.Output;

public class RecordWritersTests
{
    private static readonly MentionRecord Mention = new("news/a.txt", "PERSON", "Angela Merkel", "Angela Merkel", "", 10, 23, 0, 0.97312f, "Chancellor", "Germany");
    private static readonly EntityRecord Entity = new("news/a.txt", "COUNTRY", "Germany", "DE", 2, 40, ["Germany", "German"], 0.5f, "", "");
    private static readonly CorpusRecord Corpus = new("ORGANIZATION", "United Nations", "", 3, 7, ["UN", "United Nations"], []);

    private static string WriteAll<T>(OutputFormat format, IEnumerable<T> records, OutputOptions? options = null)
        where T : IOutputRecord
    {
        var output = new StringWriter();
        var writer = RecordWriters.Create<T>(format, output, options);
        foreach (var record in records)
        {
            writer.Write(record);
        }
        writer.Complete();
        return output.ToString();
    }

    private static string FirstLine(string text) => text[..text.IndexOf('\n')];

    [Fact]
    public void Csv_MentionLevel_WritesExactHeader() =>
        Assert.Equal("document,type,text,name,code,start,end,sentence,score,role,affiliation", FirstLine(WriteAll(OutputFormat.Csv, [Mention])));

    [Fact]
    public void Csv_EntityLevel_WritesExactHeader() =>
        Assert.Equal("document,type,name,code,mentions,first_start,aliases,score,role,affiliation", FirstLine(WriteAll(OutputFormat.Csv, [Entity])));

    [Fact]
    public void Csv_CorpusLevel_WritesExactHeader() =>
        Assert.Equal("type,name,code,documents,mentions,aliases,roles", FirstLine(WriteAll(OutputFormat.Csv, [Corpus])));

    [Fact]
    public void Tsv_MentionLevel_WritesTabSeparatedHeader() =>
        Assert.Equal("document\ttype\ttext\tname\tcode\tstart\tend\tsentence\tscore\trole\taffiliation", FirstLine(WriteAll(OutputFormat.Tsv, [Mention])));

    [Fact]
    public void Csv_Mention_WritesInvariantFieldsAndFourDecimalScore() =>
        Assert.Equal(
            "document,type,text,name,code,start,end,sentence,score,role,affiliation\nnews/a.txt,PERSON,Angela Merkel,Angela Merkel,,10,23,0,0.9731,Chancellor,Germany\n",
            WriteAll(OutputFormat.Csv, [Mention]));

    [Fact]
    public void Csv_EmptyRun_WritesHeaderOnly() =>
        Assert.Equal("type,name,code,documents,mentions,aliases,roles\n", WriteAll<CorpusRecord>(OutputFormat.Csv, []));

    [Fact]
    public void Csv_AwkwardText_ReadsBackWithCsvHelper()
    {
        var awkward = Mention with { Text = "say \"hi\", then\nleave", Name = "Zoë, \"Z\"" };
        var csv = WriteAll(OutputFormat.Csv, [awkward, Mention]);

        using var reader = CsvReader.FromText(csv);
        Assert.True(reader.Read());
        Assert.Equal(awkward.Text, reader.GetString(2));
        Assert.Equal(awkward.Name, reader.GetString(3));
        Assert.Equal("0.9731", reader.GetString(8));
        Assert.True(reader.Read());
        Assert.Equal("Angela Merkel", reader.GetString(2));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Csv_Formula_IsEscapedByDefaultAndStillParses()
    {
        var formula = "=HYPERLINK(\"http://x\",\"y\")";
        var csv = WriteAll(OutputFormat.Csv, [Mention with { Text = formula }]);

        Assert.Contains("'=HYPERLINK", csv);
        using var reader = CsvReader.FromText(csv);
        Assert.True(reader.Read());
        Assert.Equal("'" + formula, reader.GetString(2));
        Assert.Equal(11, reader.FieldCount);
    }

    [Theory]
    [InlineData("+1 call")]
    [InlineData("-minus")]
    [InlineData("@handle")]
    [InlineData("\tindented")]
    [InlineData("\rreturn")]
    public void Csv_InjectionCharacters_AreEscaped(string text)
    {
        using var reader = CsvReader.FromText(WriteAll(OutputFormat.Csv, [Mention with { Name = text }]));
        Assert.True(reader.Read());
        Assert.Equal("'" + text, reader.GetString(3));
    }

    [Fact]
    public void Csv_EscapeFormulasOff_WritesFormulaAsIs()
    {
        var formula = "=HYPERLINK(\"http://x\",\"y\")";
        var csv = WriteAll(OutputFormat.Csv, [Mention with { Text = formula }], new OutputOptions { EscapeFormulas = false });

        Assert.DoesNotContain("'=", csv);
        using var reader = CsvReader.FromText(csv);
        Assert.True(reader.Read());
        Assert.Equal(formula, reader.GetString(2));
    }

    [Fact]
    public void Tsv_TabNewlineAndBackslash_AreEscapedAndNothingIsQuoted()
    {
        var tsv = WriteAll(OutputFormat.Tsv, [Mention with { Text = "a\tb\nc\r\\d", Name = "say \"x\"" }], new OutputOptions { EscapeFormulas = false });

        Assert.Equal("news/a.txt\tPERSON\ta\\tb\\nc\\r\\\\d\tsay \"x\"\t\t10\t23\t0\t0.9731\tChancellor\tGermany", tsv.Split('\n')[1]);
        Assert.Equal(3, tsv.Split('\n').Length);
        Assert.All(tsv.Split('\n')[..2], line => Assert.Equal(10, line.Count(c => c == '\t')));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a\tb")]
    [InlineData("\\t is not a tab")]
    [InlineData("line\r\nbreak\\")]
    [InlineData("\\\\n")]
    public void Tsv_Unescape_GivesBackTheField(string field)
    {
        var tsv = WriteAll(OutputFormat.Tsv, [Mention with { Text = field }], new OutputOptions { EscapeFormulas = false });

        Assert.Equal(field, TsvRecordWriter<MentionRecord>.Unescape(tsv.Split('\n')[1].Split('\t')[2]));
    }

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Tsv)]
    public void Bom_StartsTheFileOnceAndOnlyWhenAsked(OutputFormat format)
    {
        Assert.StartsWith("\uFEFFdocument", WriteAll(format, [Mention, Mention], new OutputOptions { ByteOrderMark = true }));
        Assert.StartsWith("\uFEFFdocument", WriteAll<MentionRecord>(format, [], new OutputOptions { ByteOrderMark = true }));
        Assert.Single(WriteAll(format, [Mention, Mention], new OutputOptions { ByteOrderMark = true }), c => c == '\uFEFF');
        Assert.StartsWith("document", WriteAll(format, [Mention]));
    }

    [Fact]
    public void Csv_Delimiter_SeparatesFieldsAndQuotesFieldsHoldingIt()
    {
        var csv = WriteAll(OutputFormat.Csv, [Entity with { Name = "A; B" }], new OutputOptions { Delimiter = ';' });

        Assert.Equal("document;type;name;code;mentions;first_start;aliases;score;role;affiliation", FirstLine(csv));
        Assert.Equal("news/a.txt;COUNTRY;\"A; B\";DE;2;40;Germany|German;0.5;;", csv.Split('\n')[1]);
    }

    [Fact]
    public void Aliases_AreAJsonArrayAndOneJoinedCellElsewhere()
    {
        var entity = Entity with { Aliases = ["Foo|Bar Capital", "Foo", "C:\\x"] };

        using var json = JsonDocument.Parse(WriteAll(OutputFormat.Jsonl, [entity]));
        Assert.Equal(["Foo|Bar Capital", "Foo", "C:\\x"], json.RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        string cell = WriteAll(OutputFormat.Csv, [entity]).Split('\n')[1].Split(',')[6];
        Assert.Equal("Foo\\|Bar Capital|Foo|C:\\\\x", cell);
        Assert.Equal(entity.Aliases, RecordFields.SplitAliases(cell));
        Assert.Equal(["Germany", "German"], RecordFields.SplitAliases(WriteAll(OutputFormat.Csv, [Entity]).Split('\n')[1].Split(',')[6]));
        Assert.Empty(RecordFields.SplitAliases(""));
    }

    [Fact]
    public void Json_Records_AreOneCompactObjectPerLineInsideAnArray()
    {
        var json = WriteAll(OutputFormat.Json, [Mention, Mention with { Start = 30, End = 31 }]);

        var lines = json.Split('\n');
        Assert.Equal("[", lines[0]);
        Assert.Equal(
            "{\"document\":\"news/a.txt\",\"type\":\"PERSON\",\"text\":\"Angela Merkel\",\"name\":\"Angela Merkel\",\"code\":\"\",\"start\":10,\"end\":23,\"sentence\":0,\"score\":0.9731,\"role\":\"Chancellor\",\"affiliation\":\"Germany\"},",
            lines[1]);
        Assert.EndsWith("\n]\n", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(2, parsed.RootElement.GetArrayLength());
        Assert.Equal(30, parsed.RootElement[1].GetProperty("start").GetInt32());
    }

    [Fact]
    public void Json_EmptyRun_WritesEmptyArray() => Assert.Equal("[]\n", WriteAll<EntityRecord>(OutputFormat.Json, []));

    [Fact]
    public void Json_PropertyNames_AreTheCsvColumns()
    {
        var json = WriteAll(OutputFormat.Json, [Entity]);

        using var parsed = JsonDocument.Parse(json);
        var names = parsed.RootElement[0].EnumerateObject().Select(p => p.Name);
        Assert.Equal(FirstLine(WriteAll(OutputFormat.Csv, [Entity])).Split(','), names);
        Assert.Equal(JsonValueKind.String, parsed.RootElement[0].GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Number, parsed.RootElement[0].GetProperty("mentions").ValueKind);
    }

    [Fact]
    public void Jsonl_Records_AreOneObjectPerLine()
    {
        var jsonl = WriteAll(OutputFormat.Jsonl, [Corpus, Corpus with { Name = "Zoë \"Q\"" }]);

        var lines = jsonl.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal("{\"type\":\"ORGANIZATION\",\"name\":\"United Nations\",\"code\":\"\",\"documents\":3,\"mentions\":7,\"aliases\":[\"UN\",\"United Nations\"],\"roles\":[]}", lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Zoë \"Q\"", second.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Jsonl_EmptyRun_WritesNothing() => Assert.Equal("", WriteAll<MentionRecord>(OutputFormat.Jsonl, []));

    [Fact]
    public void Write_BeforeFlush_KeepsRecordsOutOfTheOutput()
    {
        var output = new StringWriter();
        var writer = RecordWriters.Create<MentionRecord>(OutputFormat.Csv, output);

        writer.Write(Mention);
        Assert.Equal("", output.ToString());
        writer.Flush();
        Assert.EndsWith(",0.9731,Chancellor,Germany\n", output.ToString());
    }

    [Theory]
    [InlineData(1f, "1")]
    [InlineData(0f, "0")]
    [InlineData(0.5f, "0.5")]
    [InlineData(0.12345f, "0.1235")]
    [InlineData(0.99999f, "1")]
    public void FormatScore_KeepsAtMostFourDecimals(float score, string expected) =>
        Assert.Equal(expected, RecordFields.FormatScore(score));

    [Theory]
    [InlineData("out.csv", OutputFormat.Csv)]
    [InlineData("out.TSV", OutputFormat.Tsv)]
    [InlineData("dir/out.json", OutputFormat.Json)]
    [InlineData("out.jsonl", OutputFormat.Jsonl)]
    [InlineData("out.ndjson", OutputFormat.Jsonl)]
    [InlineData("out.XLSX", OutputFormat.Xlsx)]
    [InlineData("out.txt", OutputFormat.Csv)]
    [InlineData("out", OutputFormat.Csv)]
    public void OutputFormats_FromPath_InfersByExtension(string path, OutputFormat expected) =>
        Assert.Equal(expected, OutputFormats.FromPath(path));
}
