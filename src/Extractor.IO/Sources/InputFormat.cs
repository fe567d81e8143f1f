namespace Extractor.IO.Sources;

/// <summary>How an input file is turned into documents.</summary>
public enum InputFormat
{
    /// <summary>Chosen per file from its extension (see <see cref="InputFormats.FromPath"/>).</summary>
    Auto,
    /// <summary>The whole file is one document.</summary>
    Text,
    /// <summary>The whole file is one document: the visible text of the HTML page.</summary>
    Html,
    /// <summary>One document per line, each line a JSON object.</summary>
    Jsonl,
    /// <summary>One document per data row of a CSV file with a header row.</summary>
    Csv,
}

/// <summary>Maps file names to input formats.</summary>
internal static class InputFormats
{
    /// <summary>The format of <paramref name="path"/> by extension (case-insensitive): .html/.htm, .jsonl/.ndjson, .csv; text otherwise.</summary>
    public static InputFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => InputFormat.Html,
        ".jsonl" or ".ndjson" => InputFormat.Jsonl,
        ".csv" => InputFormat.Csv,
        _ => InputFormat.Text,
    };

    /// <summary><paramref name="forced"/> unless it is <see cref="InputFormat.Auto"/>, else the format of <paramref name="path"/>.</summary>
    public static InputFormat Resolve(InputFormat forced, string path) => forced == InputFormat.Auto ? FromPath(path) : forced;
}
