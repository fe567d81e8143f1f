using System.Globalization;
using CsvHelper;
using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>CSV or TSV through CsvHelper: header row, RFC 4180 quoting, invariant culture, <c>\n</c> newlines.</summary>
internal sealed class DelimitedRecordWriter<T> : BufferedRecordWriter<T> where T : IOutputRecord
{
    /// <summary>Characters that make a spreadsheet treat a cell as a formula (OWASP's list).</summary>
    private const string InjectionCharacters = "=+-@\t\r";

    private readonly CsvWriter csv;
    private readonly bool escapeFormulas;

    public DelimitedRecordWriter(TextWriter output, char delimiter, OutputOptions options)
        : base(output)
    {
        escapeFormulas = options.EscapeFormulas;
        var csvOptions = CsvWriterOptions.Default with
        {
            Separator = delimiter,
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            // Escaping is done here, not by CsvHelper, to spare the lone "-" (stdin's document id): it cannot run as a formula.
            Injection = CsvInjection.None,
        };
        csv = CsvWriter.Create(Buffer, csvOptions, leaveOpen: true);
    }

    protected override void WriteStart() => WriteHeader();

    protected override void WriteRecord(T record)
    {
        for (var column = 0; column < Schema.Columns.Count; column++)
        {
            csv.WriteField(Escape(ControlCharacters.Escape(Schema.Format(record, column))));
        }
        csv.EndRecord();
    }

    /// <summary>The full-width forms of = + - @, which spreadsheets with East Asian input read as the ASCII ones.</summary>
    private const string FullWidthInjectionCharacters = "\uFF1D\uFF0B\uFF0D\uFF20";

    /// <summary>Prefixes a cell that a spreadsheet would run as a formula with <c>'</c>, which makes it text.</summary>
    private string Escape(string field) =>
        escapeFormulas && field != "-" && StartsLikeFormula(field) ? "'" + field : field;

    /// <summary>Whether the cell starts with a formula character, after any spaces a spreadsheet trims (<c>" =1+1"</c>), in ASCII or full width.</summary>
    internal static bool StartsLikeFormula(string field)
    {
        int i = 0;
        while (i < field.Length && field[i] is ' ' or '\u00A0' or '\u3000') i++;
        return i < field.Length && (InjectionCharacters.Contains(field[i]) || FullWidthInjectionCharacters.Contains(field[i]));
    }

    protected override void MoveToBuffer() => csv.Flush();

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
            csv.WriteField(column);
        }
        csv.EndRecord();
    }
}
