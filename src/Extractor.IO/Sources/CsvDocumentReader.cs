using CsvHelper;

namespace Extractor.IO.Sources;

/// <summary>
/// Reads a CSV dataset lazily with CsvHelper: a header row is required and each data row is a document. A file
/// without the text column fails as a whole, naming the columns it has. Row numbers are 1-based data rows.
/// </summary>
internal static class CsvDocumentReader
{
    private const char Separator = ',';

    private static CsvReaderOptions ReaderOptions(SourceOptions options) => CsvReaderOptions.Default with
    {
        Separator = Separator,
        HasHeader = true,
        // An unclosed quote would otherwise read the rest of a file of any size into one field.
        MaxRecordSize = options.MaxRowChars,
    };

    /// <param name="fileId">The file's document id, the prefix of default row ids.</param>
    /// <param name="shown">The file as the user knows it, the prefix of failure locations.</param>
    /// <param name="options">Field names and the size limit.</param>
    /// <param name="text">The decoded text, parsed as CSV and asked whether it replaced invalid bytes.</param>
    public static IEnumerable<SourceItem> Read(TextReader text, string fileId, string shown, SourceOptions options)
    {
        var replacedReported = false;
        var quotes = new CsvQuoteTracker(text, Separator);
        using (var reader = CsvReader.Create(quotes, ReaderOptions(options), leaveOpen: true))
        {
            var headers = TryReadHeaders(reader, out var error);
            if (error is not null)
            {
                yield return new SourceFailure(shown, error);
                yield break;
            }
            if (headers.Count == 0)
            {
                yield return new SourceFailure(shown, "no header row");
                yield break;
            }
            if (!reader.TryGetFieldIndex(options.TextField, out var textIndex))
            {
                yield return new SourceFailure(shown, $"no \"{options.TextField}\" column (columns found: {string.Join(", ", headers)})");
                yield break;
            }
            var idIndex = reader.TryGetFieldIndex(options.IdField, out var index) ? index : -1;
            foreach (var field in new[] { options.TextField, options.IdField }.Distinct())
            {
                int count = headers.Count(h => h == field);
                if (count > 1) yield return new SourceWarning($"{shown}:1", $"the \"{field}\" column appears {count} times; the first is read");
            }
            bool strayReported = false;
            // Each row waits until the next one is read: only then is it known whether it was the last, and the
            // last row of a file that ends inside quotes is not a document but the rest of the file run together.
            (long Row, SourceItem Item)? held = null;
            while (TryRead(reader, out error))
            {
                if (held is { } previous) yield return previous.Item;
                var row = reader.RowNumber;
                if (!strayReported && quotes.StrayQuoteLine is { } stray)
                {
                    strayReported = true;
                    yield return new SourceWarning(shown, $"malformed CSV at line {stray}: text after a closing quote (\"a\"b); read leniently, so a field may not be what was meant (reported for the first only)");
                }
                if (reader.FieldCount <= textIndex)
                {
                    // A short row (a stray line break, a truncated export) has no text: not a document, and not silently one.
                    held = (row, new SourceWarning($"{shown}:{row}", $"no \"{options.TextField}\" cell ({reader.FieldCount} fields, the header has {headers.Count}); skipped"));
                    continue;
                }
                var body = reader.GetString(textIndex) ?? "";
                var id = idIndex >= 0 ? reader.GetString(idIndex) : null;
                if ((CheckedUtf8Reader.ForRow(text, shown, row, body, ref replacedReported)
                     ?? CheckedUtf8Reader.ForRow(text, shown, row, id, ref replacedReported)) is { } replaced)
                {
                    yield return replaced;
                }
                SourceItem item = InputFiles.Utf8Length(body) > options.MaxDocumentSize
                    ? new SourceFailure($"{shown}:{row}", InputFiles.TooLarge(options.MaxDocumentSize))
                    : SourceDocument.Of(string.IsNullOrEmpty(id) ? $"{fileId}:{row}" : RowIds.Clean(id), body);
                // The iterator keeps its locals until it goes on: a long cell's string must not outlive its document's compact copy.
                body = "";
                held = (row, item);
            }
            if (held is { } last)
            {
                yield return error is null && quotes.InsideQuotes
                    ? new SourceFailure($"{shown}:{last.Row}", "malformed CSV: a quoted field is never closed (the file ends inside it)")
                    : last.Item;
            }
            if (error is not null)
            {
                yield return new SourceFailure($"{shown}:{reader.RowNumber + 1}", error);
            }
            else if (CheckedUtf8Reader.ForInput(text, shown, replacedReported) is { } unplaced)
            {
                yield return unplaced;
            }
        }
    }

    private static IReadOnlyList<string> TryReadHeaders(CsvReader reader, out string? error)
    {
        try
        {
            error = null;
            return reader.Headers;
        }
        catch (Exception exception) when (Describe(exception) is { } described)
        {
            error = described;
            return [];
        }
    }

    private static bool TryRead(CsvReader reader, out string? error)
    {
        try
        {
            error = null;
            return reader.Read();
        }
        catch (Exception exception) when (Describe(exception) is { } described)
        {
            error = described;
            return false;
        }
    }

    /// <summary>Malformed or oversized CSV and I/O errors are expected; anything else is a bug.</summary>
    private static string? Describe(Exception exception) =>
        InputFiles.Describe(exception) ?? (exception is CsvFormatException ? $"malformed CSV: {exception.Message}" : null);
}
