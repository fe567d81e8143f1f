using Extractor.IO.Sources;

namespace Extractor.IO.Output;

/// <summary>
/// The characters a CSV or TSV cell must never carry raw: C0 and C1 controls (an ESC starts a terminal escape
/// sequence that can retitle a window or rewrite the screen) and the bidirectional overrides and isolates (which make
/// <c>Marco Rubio</c> display reversed). They are written as <c>\xNN</c> or <c>\uNNNN</c>, as diagnostics are.
/// </summary>
/// <remarks>Tab, line feed and carriage return stay: RFC 4180 quoting carries them. JSON escapes controls itself and
/// keeps every other character exact. Names never hold any of these (the tokenizer and the name cleaner take them
/// as spaces); a mention's <c>text</c>, the exact slice of the document, and its aliases can.</remarks>
internal static class ControlCharacters
{
    /// <summary><paramref name="field"/> with every such character escaped; the same string when there is none.</summary>
    /// <remarks>A field of printable ASCII (nearly every one) is let through by one vectorized scan; the character by
    /// character test, a delegate call each, was a fifth of writing a CSV row (perf, the benchmark corpus).</remarks>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 ? field : DiagnosticText.EscapeWhere(field, IsUnsafe);

    /// <summary>C0 except tab, LF, CR; DEL; C1; the Arabic letter mark, LRM/RLM, the embeddings, overrides and isolates.</summary>
    public static bool IsUnsafe(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
