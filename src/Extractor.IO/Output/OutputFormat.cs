namespace Extractor.IO.Output;

/// <summary>The serialization of output records.</summary>
public enum OutputFormat
{
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
    /// <summary>Tab-separated values with a header row, never quoted: tab, newline, CR and backslash in a field as <c>\t \n \r \\</c>.</summary>
    Tsv,
    /// <summary>One JSON array, one compact record per line.</summary>
    Json,
    /// <summary>One compact JSON object per line.</summary>
    Jsonl,
    /// <summary>An Excel workbook: typed cells, frozen and filtered header, a second sheet describing the run.</summary>
    Xlsx,
}

/// <summary>Infers an <see cref="OutputFormat"/> from an output file name.</summary>
public static class OutputFormats
{
    /// <summary>The format implied by the extension of <paramref name="path"/> (case-insensitive); CSV for anything unknown.</summary>
    public static OutputFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".tsv" => OutputFormat.Tsv,
        ".json" => OutputFormat.Json,
        ".jsonl" or ".ndjson" => OutputFormat.Jsonl,
        ".xlsx" => OutputFormat.Xlsx,
        _ => OutputFormat.Csv,
    };
}
