using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>What the text formats (CSV, TSV) do to every cell before their own quoting or escaping.</summary>
internal static class Cells
{
    /// <summary>U+FEFF, which a UTF-8 writer encodes as the byte order mark <c>EF BB BF</c>.</summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary><paramref name="field"/> with control characters made visible and, when <paramref name="options"/> ask,
    /// a formula-looking start made text with a <c>'</c>.</summary>
    /// <remarks>The lone <c>-</c> (stdin's document id) is spared: it cannot run as a formula.</remarks>
    public static string Text(string field, OutputOptions options)
    {
        field = ControlCharacters.Escape(field);
        return options.EscapeFormulas && field != "-" && RecordFields.StartsLikeFormula(field) ? "'" + field : field;
    }
}
