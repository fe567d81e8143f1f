using Extractor.IO.Records;

namespace Extractor.IO.Output;

/// <summary>
/// Creates record writers. Output schema (public contract): the columns of <see cref="MentionRecord"/>,
/// <see cref="EntityRecord"/> and <see cref="CorpusRecord"/> in declaration order, snake_case; offsets are
/// half-open Unicode code-point offsets into the document text as decoded; scores have at most four decimals.
/// CSV/TSV: header row, invariant culture, <c>\n</c>; JSON/JSONL: the same names, numbers as numbers.
/// </summary>
public static class RecordWriters
{
    /// <summary>A writer of <typeparamref name="T"/> records in <paramref name="format"/> onto <paramref name="output"/>.</summary>
    /// <remarks>Give it a writer that encodes UTF-8 without a BOM, such as <see cref="AtomicFileOutput.Writer"/>.</remarks>
    public static IRecordWriter<T> Create<T>(OutputFormat format, TextWriter output, OutputOptions? options = null)
        where T : IOutputRecord
    {
        options ??= OutputOptions.Default;
        return format switch
        {
            OutputFormat.Csv => new DelimitedRecordWriter<T>(output, ',', options),
            OutputFormat.Tsv => new DelimitedRecordWriter<T>(output, '\t', options),
            OutputFormat.Json => new JsonArrayRecordWriter<T>(output),
            OutputFormat.Jsonl => new JsonLinesRecordWriter<T>(output),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
        };
    }
}
