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
    /// <remarks>Give it a writer that encodes UTF-8 without a BOM, such as <see cref="AtomicFileOutput.Writer"/>; for
    /// <see cref="OutputFormat.Xlsx"/>, a <see cref="StreamWriter"/>, whose stream takes the workbook's bytes.</remarks>
    public static IRecordWriter<T> Create<T>(OutputFormat format, TextWriter output, OutputOptions? options = null)
        where T : IOutputRecord
    {
        options ??= OutputOptions.Default;
        return format switch
        {
            OutputFormat.Csv => new CsvRecordWriter<T>(output, options),
            OutputFormat.Tsv => new TsvRecordWriter<T>(output, options),
            OutputFormat.Json => new JsonArrayRecordWriter<T>(output),
            OutputFormat.Jsonl => new JsonLinesRecordWriter<T>(output),
            OutputFormat.Xlsx => new XlsxRecordWriter<T>(BytesUnder(output), options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
        };
    }

    /// <summary>Builds the column schemas of the records that <c>extract</c> writes (entity and mention level), which
    /// the first record written would otherwise build. Thread-safe; calling it is never required.</summary>
    /// <remarks>For a build that compiles code as it runs (ReadyToRun, JIT) this is ~25 ms of type loading on the way
    /// to the first row: the JSON metadata the columns come from, and its encoder. A caller can take it off that path
    /// by running it on a spare core at start (docs/performance.md, issue 33's ninth step).</remarks>
    internal static void Prepare()
    {
        _ = RecordSchema<EntityRecord>.Instance;
        _ = RecordSchema<MentionRecord>.Instance;
    }

    /// <summary>The stream under <paramref name="output"/>, with anything the writer holds flushed onto it first.</summary>
    private static Stream BytesUnder(TextWriter output)
    {
        if (output is not StreamWriter { BaseStream: var stream } writer)
            throw new ArgumentException("An xlsx workbook is bytes: give a StreamWriter, whose stream it is written to.", nameof(output));
        writer.Flush();
        return stream;
    }
}
