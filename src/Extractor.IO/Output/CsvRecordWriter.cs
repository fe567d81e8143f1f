using System.Globalization;
using CsvHelper;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>CSV through CsvHelper: header row, RFC 4180 quoting, invariant culture, <c>\n</c> newlines.</summary>
internal sealed class CsvRecordWriter<T> : BufferedRecordWriter<T> where T : IOutputRecord
{
    private readonly CsvWriter _csv;
    private readonly OutputOptions _options;

    public CsvRecordWriter(TextWriter output, OutputOptions options)
        : base(output)
    {
        _options = options;
        var csvOptions = CsvWriterOptions.Default with
        {
            Separator = options.Delimiter,
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            // Escaping is done by Cells.Text, not by CsvHelper, to spare the lone "-" (stdin's document id).
            Injection = CsvInjection.None,
        };
        _csv = CsvWriter.Create(Buffer, csvOptions, leaveOpen: true);
    }

    protected override void WriteStart() => WriteHeader();

    protected override void WriteRecord(T record)
    {
        for (var column = 0; column < Schema.Columns.Count; column++)
        {
            _csv.WriteField(Cells.Text(Schema.Format(record, column), _options));
        }
        _csv.EndRecord();
    }

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
        if (_options.ByteOrderMark)
        {
            _csv.Flush();
            Buffer.Write(Cells.ByteOrderMark);
        }
        foreach (var column in Schema.Columns)
        {
            _csv.WriteField(column);
        }
        _csv.EndRecord();
    }
}
