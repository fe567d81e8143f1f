using System.Text;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>
/// Tab-separated values as IANA-style readers take them (Miller, PostgreSQL <c>COPY</c>, <c>cut</c>, <c>awk -F'\t'</c>):
/// no quoting; a tab, line feed, carriage return or backslash inside a field is written <c>\t</c>, <c>\n</c>, <c>\r</c>,
/// <c>\\</c>, so every line is one record and every tab separates two fields.
/// </summary>
internal sealed class TsvRecordWriter<T>(TextWriter output, OutputOptions options) : BufferedRecordWriter<T>(output) where T : IOutputRecord
{
    protected override void WriteStart() => WriteHeader();

    protected override void WriteRecord(T record)
    {
        for (var column = 0; column < Schema.Columns.Count; column++)
        {
            if (column > 0) Buffer.Write('\t');
            WriteField(Cells.Text(Schema.Format(record, column), options));
        }
        Buffer.Write('\n');
    }

    protected override void WriteEnd(bool anyWritten)
    {
        if (!anyWritten) WriteHeader();
    }

    private void WriteHeader()
    {
        if (options.ByteOrderMark) Buffer.Write(Cells.ByteOrderMark);
        Buffer.Write(string.Join('\t', Schema.Columns));
        Buffer.Write('\n');
    }

    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(Special) < 0)
        {
            Buffer.Write(field);
            return;
        }
        var escaped = new StringBuilder(field.Length + 8);
        foreach (char c in field)
        {
            switch (c)
            {
                case '\t': escaped.Append("\\t"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\\': escaped.Append("\\\\"); break;
                default: escaped.Append(c); break;
            }
        }
        Buffer.Write(escaped);
    }

    private const string Special = "\t\n\r\\";

    /// <summary>Undoes <see cref="WriteField"/>: <c>\t \n \r \\</c> back to the characters; any other backslash stays.</summary>
    public static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var text = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length && field[i + 1] is 't' or 'n' or 'r' or '\\')
            {
                text.Append(field[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => '\\' });
            }
            else text.Append(field[i]);
        }
        return text.ToString();
    }
}
