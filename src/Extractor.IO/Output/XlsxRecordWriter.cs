using System.Globalization;
using System.IO.Compression;
using System.Text;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>
/// An Office Open XML workbook (.xlsx) streamed into a zip: one sheet of records with typed cells (integers and scores
/// as numbers, the rest as text that is never a formula), a bold header row that is frozen and filtered, columns as
/// wide as their first rows, and a "run" sheet with <see cref="OutputOptions.RunInfo"/>.
/// </summary>
/// <remarks>
/// Written here on <see cref="ZipArchive"/> rather than with a spreadsheet library: DocumentFormat.OpenXml 3.3.0,
/// MiniExcel 1.47.1 and SpreadCheetah 1.29.0 were measured (docs/output-formats.md) and each stamps the current time
/// into the file, so no two runs would give the same bytes; OpenXml also adds 23 MB to the native binary and held
/// 100 MB for 100,000 rows, MiniExcel warns under trimming. Every entry here carries one fixed date instead.
/// Rows stream: memory holds the first <see cref="WidthSample"/> rows (to size the columns), then one row at a time.
/// A sheet holds at most <see cref="MaxRowsPerSheet"/> rows, Excel's limit; more continue on further sheets.
/// </remarks>
internal sealed class XlsxRecordWriter<T> : IRecordWriter<T> where T : IOutputRecord
{
    /// <summary>Rows read to size the columns before the first is written.</summary>
    private const int WidthSample = 1000;

    /// <summary>Excel's rows per sheet (1,048,576), less the header row.</summary>
    internal const int MaxRowsPerSheet = 1_048_575;

    /// <summary>The most characters Excel keeps in a cell; longer text is cut there and ends with an ellipsis.</summary>
    internal const int MaxCellLength = 32_767;

    /// <summary>The zip date every entry carries: the earliest a zip can hold, so that the bytes depend only on the records.</summary>
    private static readonly DateTimeOffset FixedDate = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Stream _stream;
    private readonly OutputOptions _options;
    private readonly ZipArchive _zip;
    private readonly List<string[]> _sample = [];
    private readonly List<(string Name, int Rows)> _sheets = [];
    private readonly RecordSchema<T> _schema = RecordSchema<T>.Instance;
    private readonly string _sheetName;
    private int[]? _widths;
    private StreamWriter? _sheet;
    private int _rowsInSheet;
    private bool _completed;

    private readonly int _maxRowsPerSheet;

    /// <param name="output">Takes the workbook's bytes; left open.</param>
    /// <param name="options">The run facts for the second sheet.</param>
    /// <param name="maxRowsPerSheet">Rows before a sheet continues on the next (Excel's limit; smaller in tests).</param>
    public XlsxRecordWriter(Stream output, OutputOptions options, int maxRowsPerSheet = MaxRowsPerSheet)
    {
        _maxRowsPerSheet = maxRowsPerSheet;
        _stream = output;
        _options = options;
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        _sheetName = typeof(T) == typeof(MentionRecord) ? "mentions" : typeof(T) == typeof(EntityRecord) ? "entities" : "corpus";
    }

    public void Write(T record)
    {
        if (_completed) throw new InvalidOperationException("The writer is complete; no more records can be written.");
        var cells = new string[_schema.Columns.Count];
        for (int column = 0; column < cells.Length; column++) cells[column] = _schema.Format(record, column);
        if (_widths is null)
        {
            _sample.Add(cells);
            if (_sample.Count < WidthSample) return;
            WriteSample();
            return;
        }
        WriteRow(cells);
    }

    /// <summary>A workbook is readable only once complete, so records are not pushed out per document; the stream is
    /// flushed as far as the zip has written it.</summary>
    public void Flush() => _stream.Flush();

    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        if (_widths is null) WriteSample();
        EndSheet();
        WriteRunSheet();
        WriteEntry("xl/styles.xml", Styles);
        WriteEntry("xl/workbook.xml", Workbook());
        WriteEntry("xl/_rels/workbook.xml.rels", WorkbookRelations());
        WriteEntry("[Content_Types].xml", ContentTypes());
        WriteEntry("_rels/.rels", PackageRelations);
        _zip.Dispose();
        _stream.Flush();
    }

    private void WriteSample()
    {
        _widths = [.. _schema.Columns.Select((name, column) => Width(_sample.Select(r => r[column]).Prepend(name)))];
        StartSheet();
        foreach (var cells in _sample) WriteRow(cells);
        _sample.Clear();
    }

    /// <summary>A column as wide as its longest cell among the sampled rows, within 6 and 60 characters.</summary>
    private static int Width(IEnumerable<string> cells) => Math.Clamp(cells.Max(c => Math.Min(c.Length, 60)) + 2, 6, 60);

    private void WriteRow(string[] cells)
    {
        if (_rowsInSheet == _maxRowsPerSheet)
        {
            EndSheet();
            StartSheet();
        }
        _rowsInSheet++;
        int row = _rowsInSheet + 1;
        var sheet = _sheet!;
        sheet.Write("<row r=\"");
        sheet.Write(row);
        sheet.Write("\">");
        for (int column = 0; column < cells.Length; column++)
        {
            string value = cells[column];
            if (value.Length == 0) continue;
            if (_schema.Kind(column) is ColumnKind.Integer or ColumnKind.Decimal)
            {
                sheet.Write($"<c r=\"{Reference(column, row)}\"><v>{value}</v></c>");
            }
            else
            {
                sheet.Write($"<c r=\"{Reference(column, row)}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                WriteText(sheet, value);
                sheet.Write("</t></is></c>");
            }
        }
        sheet.Write("</row>");
    }

    private void StartSheet()
    {
        string name = _sheets.Count == 0 ? _sheetName : $"{_sheetName} {_sheets.Count + 1}";
        _sheets.Add((name, 0));
        _rowsInSheet = 0;
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest);
        entry.LastWriteTime = FixedDate;
        _sheet = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
        _sheet.Write(SheetStart);
        _sheet.Write("<sheetViews><sheetView workbookViewId=\"0\"");
        if (_sheets.Count == 1) _sheet.Write(" tabSelected=\"1\"");
        _sheet.Write("><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews><cols>");
        for (int column = 0; column < _widths!.Length; column++)
            _sheet.Write($"<col min=\"{column + 1}\" max=\"{column + 1}\" width=\"{_widths[column]}\" customWidth=\"1\"/>");
        _sheet.Write("</cols><sheetData><row r=\"1\">");
        for (int column = 0; column < _schema.Columns.Count; column++)
            _sheet.Write($"<c r=\"{Reference(column, 1)}\" s=\"1\" t=\"inlineStr\"><is><t>{_schema.Columns[column]}</t></is></c>");
        _sheet.Write("</row>");
    }

    private void EndSheet()
    {
        var sheet = _sheet!;
        sheet.Write("</sheetData>");
        sheet.Write($"<autoFilter ref=\"{FilterRange(_rowsInSheet)}\"/>");
        sheet.Write("</worksheet>");
        sheet.Dispose();
        _sheets[^1] = (_sheets[^1].Name, _rowsInSheet);
        _sheet = null;
    }

    private void WriteRunSheet()
    {
        var text = new StringBuilder(SheetStart);
        text.Append("<cols><col min=\"1\" max=\"1\" width=\"16\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"80\" customWidth=\"1\"/></cols><sheetData>");
        int row = 0;
        foreach (var (key, value) in _options.RunInfo)
        {
            row++;
            text.Append($"<row r=\"{row}\"><c r=\"A{row}\" s=\"1\" t=\"inlineStr\"><is><t>");
            AppendText(text, key);
            text.Append($"</t></is></c><c r=\"B{row}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            AppendText(text, value);
            text.Append("</t></is></c></row>");
        }
        text.Append("</sheetData></worksheet>");
        WriteEntry($"xl/worksheets/sheet{_sheets.Count + 1}.xml", text.ToString());
    }

    private string FilterRange(int rows) => $"A1:{Reference(_schema.Columns.Count - 1, rows + 1)}";

    private void WriteEntry(string name, string content)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = FixedDate;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void WriteText(TextWriter writer, string value)
    {
        var text = new StringBuilder(value.Length + 16);
        AppendText(text, value);
        writer.Write(text);
    }

    /// <summary>Appends <paramref name="value"/> as XML text: markup characters as entities, what XML 1.0 cannot carry
    /// (controls, lone surrogates, U+FFFE/U+FFFF) as <c>\uNNNN</c> as in the other formats, cut at Excel's cell limit.</summary>
    private static void AppendText(StringBuilder text, string value)
    {
        value = ControlCharacters.Escape(value);
        if (value.Length > MaxCellLength) value = value[..(char.IsHighSurrogate(value[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1)] + "…";
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '\r': text.Append("&#13;"); break;
                case '\uFFFE' or '\uFFFF':
                    text.Append($"\\u{(int)c:X4}");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) text.Append(c).Append(value[++i]);
                    else if (char.IsSurrogate(c)) text.Append($"\\u{(int)c:X4}");
                    else text.Append(c);
                    break;
            }
        }
    }

    /// <summary>The A1 reference of a 0-based column and 1-based row.</summary>
    private static string Reference(int column, int row) => Letters(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The letters of a 0-based column: A … Z, AA ….</summary>
    private static string Letters(int column)
    {
        string letters = "";
        for (int n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private string Workbook()
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        for (int i = 0; i < _sheets.Count; i++) text.Append($"<sheet name=\"{_sheets[i].Name}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
        text.Append($"<sheet name=\"run\" sheetId=\"{_sheets.Count + 1}\" r:id=\"rId{_sheets.Count + 1}\"/></sheets><definedNames>");
        // Excel keeps a filter's range in this hidden name as well as in the sheet; without it some versions drop the filter.
        for (int i = 0; i < _sheets.Count; i++)
        {
            string range = $"'{_sheets[i].Name}'!$A$1:${Letters(_schema.Columns.Count - 1)}${_sheets[i].Rows + 1}";
            text.Append($"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">{range}</definedName>");
        }
        text.Append("</definedNames></workbook>");
        return text.ToString();
    }

    private string WorkbookRelations()
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= _sheets.Count + 1; i++)
            text.Append($"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        text.Append($"<Relationship Id=\"rId{_sheets.Count + 2}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        return text.ToString();
    }

    private string ContentTypes()
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= _sheets.Count + 1; i++)
            text.Append($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        text.Append("</Types>");
        return text.ToString();
    }

    private const string SheetStart = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";

    private const string PackageRelations = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    /// <summary>Two cell formats: 0 plain, 1 bold (the header row and the run sheet's keys).</summary>
    private const string Styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>";
}
