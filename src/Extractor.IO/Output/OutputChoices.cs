namespace Extractor.IO.Output;

/// <summary>Which writer settings go with which format, checked before a run reads anything.</summary>
public static class OutputChoices
{
    /// <summary>The CSV separators a user may choose: comma, semicolon, pipe, tab and colon; never a quote, a letter or a
    /// digit, which would make fields ambiguous.</summary>
    public static bool IsDelimiter(char c) => c is ',' or ';' or '|' or '\t' or ':';

    /// <summary>Why <paramref name="options"/> cannot go with <paramref name="format"/> (one line naming the option), or null.</summary>
    /// <param name="format">The chosen format.</param>
    /// <param name="options">The chosen settings.</param>
    /// <param name="toTerminal">Whether the output is a terminal (an xlsx workbook is bytes no terminal should get).</param>
    public static string? Problem(OutputFormat format, OutputOptions options, bool toTerminal)
    {
        if (options.ByteOrderMark && format is not (OutputFormat.Csv or OutputFormat.Tsv))
            return $"--bom is for csv and tsv; {Name(format)} {(format == OutputFormat.Xlsx ? "is read as Unicode by every spreadsheet" : "must not start with a byte order mark (RFC 8259)")}";
        if (options.Delimiter != ',' && format != OutputFormat.Csv)
            return $"--delimiter is for csv; {Name(format)} has its own separator";
        if (!IsDelimiter(options.Delimiter))
            return $"--delimiter '{options.Delimiter}' is not a separator; use one of , ; | : or \\t";
        if (format == OutputFormat.Xlsx && toTerminal)
            return "xlsx is a binary file; give -o FILE.xlsx or redirect standard output to a file";
        return null;
    }

    private static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();
}
