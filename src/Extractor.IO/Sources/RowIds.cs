namespace Extractor.IO.Sources;

/// <summary>Document ids taken from a dataset's id field, made safe to write as a cell.</summary>
internal static class RowIds
{
    /// <summary>The id with each NUL written as <c>\x00</c>: many CSV consumers (and C strings) stop at a raw NUL. Other
    /// characters stay as given; CSV quoting carries tabs and line breaks, and diagnostics escape them.</summary>
    public static string Clean(string id) => id.Contains('\0') ? id.Replace("\0", "\\x00", StringComparison.Ordinal) : id;
}
