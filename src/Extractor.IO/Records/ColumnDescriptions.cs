namespace Extractor.IO.Records;

/// <summary>One line per published column, for table schemas (<c>--schema</c>); README's output contract says the same.</summary>
/// <remarks>Keyed by column name: the columns that two levels share mean the same at both. A test keeps every column
/// of every level described.</remarks>
internal static class ColumnDescriptions
{
    private static readonly Dictionary<string, string> Lines = new(StringComparer.Ordinal)
    {
        ["document"] = "The document id: the file's path relative to the folder given, the path as given, - for standard input, or the dataset row's id (FILE:LINE when it has none).",
        ["type"] = "The entity type: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC.",
        ["text"] = "The mention exactly as the document spells it (text[start:end]).",
        ["name"] = "The canonical name the mention or entity resolved to.",
        ["code"] = "The ISO 3166-1 alpha-2 code of a COUNTRY; empty otherwise. NA is Namibia, not a missing value.",
        ["start"] = "Unicode code-point offset of the mention's first character in the document text (Python's text[start:end]).",
        ["end"] = "Code-point offset just past the mention (exclusive).",
        ["sentence"] = "0-based index of the sentence in the document.",
        ["score"] = "Confidence in 0..1 (calibrated), at most four decimals.",
        ["role"] = "A person's role as the text gives it (Defense Secretary, chief executive); empty when none.",
        ["affiliation"] = "The canonical name of the organization or country the role belongs to; empty when none.",
        ["mentions"] = "How many mentions resolved to the entity (in the document, or over the run at corpus level).",
        ["first_start"] = "Code-point offset of the entity's first mention in the document.",
        ["aliases"] = "The distinct surface forms of the entity.",
        ["documents"] = "How many documents mention the entity.",
        ["roles"] = "A person's distinct roles over the run, in ordinal order.",
    };

    /// <summary>The description of <paramref name="column"/>.</summary>
    /// <exception cref="KeyNotFoundException">A column without one (a test catches it before a release does).</exception>
    public static string Of(string column) => Lines[column];
}
