using System.Globalization;
using CsvHelper;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>CSV or TSV through CsvHelper: header row, RFC 4180 quoting, invariant culture, <c>\n</c> newlines.</summary>
internal sealed class DelimitedRecordWriter<T> : BufferedRecordWriter<T> where T : IOutputRecord
{
    private readonly CsvWriter _csv;
    private readonly bool _escapeFormulas;

    public DelimitedRecordWriter(TextWriter output, char delimiter, OutputOptions options)
        : base(output)
    {
        _escapeFormulas = options.EscapeFormulas;
        var csvOptions = CsvWriterOptions.Default with
        {
            Separator = delimiter,
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            // Escaping is done here, not by CsvHelper, to spare the lone "-" (stdin's document id): it cannot run as a formula.
            Injection = CsvInjection.None,
        };
        _csv = CsvWriter.Create(Buffer, csvOptions, leaveOpen: true);
    }

    protected override void WriteStart() => WriteHeader();

    protected override void WriteRecord(T record)
    {
        for (var column = 0; column < Schema.Columns.Count; column++)
        {
            _csv.WriteField(Escape(ControlCharacters.Escape(Schema.Format(record, column))));
        }
        _csv.EndRecord();
    }

    /// <summary>Prefixes a cell that a spreadsheet would run as a formula with <c>'</c>, which makes it text.</summary>
    private string Escape(string field) =>
        _escapeFormulas && field != "-" && RecordFields.StartsLikeFormula(field) ? "'" + field : field;

    protected override void MoveToBuffer() => _csv.Flush();

    protected override void WriteEnd(bool anyWritten)
    {
        if (!anyWritten)
        {
            WriteHeader();
        }
    }

    private void WriteHeader()
    {
        foreach (var column in Schema.Columns)
        {
            _csv.WriteField(column);
        }
        _csv.EndRecord();
    }
}
