namespace Extractor.IO.Output;

/// <summary>Writer settings that are not implied by the format.</summary>
public sealed record OutputOptions
{
    /// <summary>The defaults: formula escaping on, no byte order mark, comma-separated CSV.</summary>
    public static OutputOptions Default { get; } = new();

    /// <summary>
    /// Escape CSV/TSV cells that begin with <c>= + - @</c>, tab or CR by prefixing a <c>'</c>, so a spreadsheet
    /// shows rather than runs them. On by default because news text is attacker-controlled. JSON and xlsx (whose text
    /// cells are never formulas) are never escaped.
    /// </summary>
    public bool EscapeFormulas { get; init; } = true;

    /// <summary>Start CSV/TSV with a UTF-8 byte order mark, the sign by which Excel and LibreOffice tell UTF-8 from
    /// their locale's legacy code page when they open a file by double-click.</summary>
    public bool ByteOrderMark { get; init; }

    /// <summary>The CSV field separator: <c>,</c>, or <c>;</c> for spreadsheets in locales whose decimal mark is a comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Facts about the run (tool and model version, command line) that xlsx keeps on a second sheet.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RunInfo { get; init; } = [];
}
