namespace Extractor.IO.Output;

/// <summary>Writer settings that are not implied by the format.</summary>
public sealed record OutputOptions
{
    /// <summary>The defaults: formula escaping on.</summary>
    public static OutputOptions Default { get; } = new();

    /// <summary>
    /// Escape CSV/TSV cells that begin with <c>= + - @</c>, tab or CR by prefixing a <c>'</c>, so a spreadsheet
    /// shows rather than runs them. On by default because news text is attacker-controlled. JSON is never escaped.
    /// </summary>
    public bool EscapeFormulas { get; init; } = true;
}
