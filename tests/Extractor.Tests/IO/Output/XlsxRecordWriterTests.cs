using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Extractor.IO.Output;
using Extractor.IO.Records;

namespace Extractor.Tests.IO.Output;

/// <summary>The workbook as a spreadsheet reads it: the zip's parts, parsed as XML, cell by cell.</summary>
public class XlsxRecordWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly MentionRecord Mention = new("news/a.txt", "PERSON", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "", 10, 30, 0, 0.97312f, "President", "Turkey");
    private static readonly OutputOptions Options = new() { RunInfo = [new("tool", "extractor 1.2.3"), new("command", "extractor extract a/ -o x.xlsx")] };

    private static byte[] Workbook<T>(IEnumerable<T> records, int maxRowsPerSheet = XlsxRecordWriter<T>.MaxRowsPerSheet) where T : IOutputRecord
    {
        var bytes = new MemoryStream();
        var writer = new XlsxRecordWriter<T>(bytes, Options, maxRowsPerSheet);
        foreach (var record in records) writer.Write(record);
        writer.Complete();
        return bytes.ToArray();
    }

    private static XDocument Part(byte[] workbook, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var stream = (zip.GetEntry(name) ?? throw new InvalidOperationException($"no part {name}")).Open();
        return XDocument.Load(stream);
    }

    /// <summary>Each row's cells as (reference, type attribute, value) with inline text read out.</summary>
    private static List<List<(string Ref, string? Type, string Value)>> Rows(byte[] workbook, int sheet = 1) =>
        [.. Part(workbook, $"xl/worksheets/sheet{sheet}.xml").Descendants(Main + "row").Select(row => row.Elements(Main + "c").Select(c =>
            ((string)c.Attribute("r")!, (string?)c.Attribute("t"), c.Attribute("t") is null ? (string)c.Element(Main + "v")! : (string)c.Descendants(Main + "t").Single())).ToList())];

    [Fact]
    public void Cells_AreTypedNumbersAndTextWithTheHeaderFirst()
    {
        var rows = Rows(Workbook([Mention]));

        Assert.Equal(["document", "type", "text", "name", "code", "start", "end", "sentence", "score", "role", "affiliation"], rows[0].Select(c => c.Value));
        var cells = rows[1].ToDictionary(c => c.Ref);
        Assert.Equal((null, "10"), (cells["F2"].Type, cells["F2"].Value));
        Assert.Equal((null, "0.9731"), (cells["I2"].Type, cells["I2"].Value));
        Assert.Equal(("inlineStr", "Recep Tayyip Erdoğan"), (cells["C2"].Type, cells["C2"].Value));
        Assert.False(cells.ContainsKey("E2"), "an empty code is an empty cell, which filters list as (blank)");
    }

    [Fact]
    public void Header_IsFrozenBoldAndFiltered_AndColumnsFitTheirText()
    {
        var sheet = Part(Workbook([Mention, Mention with { Document = new string('d', 200) }]), "xl/worksheets/sheet1.xml");

        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.Equal(("1", "A2", "frozen"), ((string)pane.Attribute("ySplit")!, (string)pane.Attribute("topLeftCell")!, (string)pane.Attribute("state")!));
        Assert.Equal("A1:K3", (string)sheet.Descendants(Main + "autoFilter").Single().Attribute("ref")!);
        Assert.All(sheet.Descendants(Main + "row").First().Elements(Main + "c"), c => Assert.Equal("1", (string)c.Attribute("s")!));
        var widths = sheet.Descendants(Main + "col").Select(c => (int)c.Attribute("width")!).ToArray();
        Assert.Equal(60, widths[0]);
        Assert.Equal(22, widths[2]);
        Assert.Equal(8, widths[1]);
    }

    [Fact]
    public void FormulaLookingText_IsPlainTextWithoutAnApostrophe()
    {
        var rows = Rows(Workbook([Mention with { Name = "=HYPERLINK(\"http://x\",\"y\")", Text = "@SUM(1+1)" }]));

        Assert.Contains(("D2", "inlineStr", "=HYPERLINK(\"http://x\",\"y\")"), rows[1]);
        Assert.Contains(("C2", "inlineStr", "@SUM(1+1)"), rows[1]);
        Assert.DoesNotContain(Part(Workbook([Mention with { Name = "=1+1" }]), "xl/worksheets/sheet1.xml").Descendants(Main + "f"), _ => true);
    }

    [Theory]
    [InlineData("Влади́мир Путин")]
    [InlineData("محمد بن سلمان")]
    [InlineData("习近平")]
    [InlineData("Zoë <b> & \"q\" 'x'")]
    [InlineData("line\nbreak\tand\rreturn")]
    [InlineData("emoji 🇺🇦 pair")]
    public void Text_ArrivesExactly(string name) =>
        Assert.Contains(("D2", "inlineStr", name.Replace("\r\n", "\n")), Rows(Workbook([Mention with { Name = name }]))[1]);

    [Theory]
    [InlineData("President Donald\u001b]0;pwned\u0007Trump", "President Donald\\x1B]0;pwned\\x07Trump")]
    [InlineData("Marco\u202eRubio", "Marco\\u202ERubio")]
    public void CharactersXmlCannotCarry_AreEscapedAsInTheOtherFormats(string name, string expected) =>
        Assert.Contains(("D2", "inlineStr", expected), Rows(Workbook([Mention with { Name = name }]))[1]);

    [Fact]
    public void LoneSurrogate_IsEscapedNotDropped()
    {
        string name = "lone " + (char)0xD800 + " surrogate";

        Assert.Contains(("D2", "inlineStr", "lone \\uD800 surrogate"), Rows(Workbook([Mention with { Name = name }]))[1]);
    }

    [Fact]
    public void LongText_IsCutAtExcelsCellLimit()
    {
        var cell = Rows(Workbook([Mention with { Text = new string('x', 40_000) }]))[1].Single(c => c.Ref == "C2");

        Assert.Equal(XlsxRecordWriter<MentionRecord>.MaxCellLength, cell.Value.Length);
        Assert.EndsWith("x…", cell.Value);
    }

    [Fact]
    public void SameRecords_GiveTheSameBytes()
    {
        var records = Enumerable.Range(0, 1500).Select(i => Mention with { Start = i }).ToArray();

        Assert.Equal(Workbook(records), Workbook(records));
    }

    [Fact]
    public void RunSheet_HoldsTheRunInfo_AndTheWorkbookNamesBothSheets()
    {
        var workbook = Workbook([Mention]);

        Assert.Equal([[("A1", "inlineStr", "tool"), ("B1", "inlineStr", "extractor 1.2.3")], [("A2", "inlineStr", "command"), ("B2", "inlineStr", "extractor extract a/ -o x.xlsx")]],
            Rows(workbook, 2));
        Assert.Equal(["mentions", "run"], Part(workbook, "xl/workbook.xml").Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!));
    }

    [Fact]
    public void EmptyRun_IsAWorkbookWithTheHeaderOnly()
    {
        var rows = Rows(Workbook<EntityRecord>([]));

        Assert.Equal("document", Assert.Single(rows)[0].Value);
        Assert.Equal("A1:J1", (string)Part(Workbook<EntityRecord>([]), "xl/worksheets/sheet1.xml").Descendants(Main + "autoFilter").Single().Attribute("ref")!);
    }

    [Fact]
    public void RowsPastTheSheetLimit_ContinueOnANewSheetWithItsOwnHeader()
    {
        var records = Enumerable.Range(0, 5).Select(i => Mention with { Start = i }).ToArray();

        var workbook = Workbook(records, maxRowsPerSheet: 2);

        Assert.Equal(["mentions", "mentions 2", "mentions 3", "run"], Part(workbook, "xl/workbook.xml").Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!));
        Assert.Equal(["0", "1", "2", "3", "4"], new[] { 1, 2, 3 }.SelectMany(s => Rows(workbook, s).Skip(1)).Select(r => r.Single(c => c.Ref.StartsWith('F')).Value));
        Assert.All(new[] { 1, 2, 3 }, s => Assert.Equal("document", Rows(workbook, s)[0][0].Value));
    }

    [Fact]
    public void ContentTypes_NameEveryPart()
    {
        var workbook = Workbook([Mention]);
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";

        var overrides = Part(workbook, "[Content_Types].xml").Descendants(types + "Override").Select(o => ((string)o.Attribute("PartName")!).TrimStart('/')).ToHashSet();

        Assert.All(zip.Entries.Select(e => e.FullName).Where(n => !n.EndsWith(".rels") && n != "[Content_Types].xml"), n => Assert.Contains(n, overrides));
        Assert.All(zip.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
    }

    [Fact]
    public void RecordWriters_WriteXlsxOntoTheStreamUnderAStreamWriter()
    {
        var bytes = new MemoryStream();
        var text = new StreamWriter(bytes, new UTF8Encoding(false));

        var writer = RecordWriters.Create<MentionRecord>(OutputFormat.Xlsx, text);
        writer.Write(Mention);
        writer.Complete();

        Assert.Equal("PK", Encoding.ASCII.GetString(bytes.ToArray(), 0, 2));
        Assert.Throws<ArgumentException>(() => RecordWriters.Create<MentionRecord>(OutputFormat.Xlsx, new StringWriter()));
    }
}
