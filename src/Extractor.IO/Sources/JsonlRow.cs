using System.Text;
using System.Text.Json;
using Extractor.Text;

namespace Extractor.IO.Sources;

/// <summary>One JSON Lines row, as UTF-8, to a <see cref="SourceDocument"/> or the reason it is none: the row must be
/// an object with a string text field; an id field, if any, a string or a number. Of repeated fields the last counts.</summary>
/// <remarks>
/// Read with <see cref="Utf8JsonReader"/> over the row's own array rather than <see cref="JsonDocument"/>: a document
/// rents an index as large as the row from the shared array pool, and unescaping its text rents another, and the pool
/// keeps both for the rest of the run (two 32 MB arrays for a 21.6 MB row, docs/memory.md). Here the text is unescaped
/// into an array of its own, or decoded in place when it has no escapes.
/// </remarks>
internal static class JsonlRow
{
    /// <summary>The row <paramref name="utf8"/>, found at <paramref name="where"/>, named <paramref name="defaultId"/> unless it has an id.</summary>
    public static SourceItem Parse(byte[] utf8, string defaultId, string where, SourceOptions options)
    {
        Fields fields;
        try
        {
            fields = Scan(utf8, options);
        }
        catch (JsonException exception)
        {
            return new SourceFailure(where, $"malformed JSON at byte {exception.BytePositionInLine + 1}: {WithoutPosition(exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // Comparing a field name unescapes it, and a name escaping an unpaired surrogate ({"\udc00":1}) cannot be.
            return new SourceFailure(where, "a field name holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text");
        }
        if (fields.Root != JsonTokenType.StartObject)
        {
            return new SourceFailure(where, $"expected a JSON object, found {Describe(fields.Root)}");
        }
        if (fields.Text.Kind == JsonTokenType.None)
        {
            return new SourceFailure(where, $"no \"{options.TextField}\" field");
        }
        if (fields.Text.Kind != JsonTokenType.String)
        {
            return new SourceFailure(where, $"\"{options.TextField}\" is {Describe(fields.Text.Kind)}, not a string");
        }
        // A long text is held as its UTF-8 bytes, never made a string: a 21.6 MB row's text is 43 MB as one.
        if (fields.Text.Length > CompactText.MinChars && Utf8At(utf8, fields.Text) is var (bytes, count) && bytes is not null
            && CompactText.FromUtf8(bytes, bytes == utf8 ? fields.Text.Start : 0, count) is { } compact)
        {
            return compact.ByteCount > options.MaxDocumentSize
                ? new SourceFailure(where, InputFiles.TooLarge(options.MaxDocumentSize))
                : Named(utf8, fields.Id, defaultId, where, options, id => SourceDocument.Of(id, compact));
        }
        if (StringAt(utf8, fields.Text) is not { } text)
        {
            return new SourceFailure(where, UnpairedSurrogate(options.TextField));
        }
        if (InputFiles.Utf8Length(text) > options.MaxDocumentSize)
        {
            return new SourceFailure(where, InputFiles.TooLarge(options.MaxDocumentSize));
        }
        return Named(utf8, fields.Id, defaultId, where, options, id => SourceDocument.Of(id, text));
    }

    /// <summary>The document that <paramref name="make"/> makes, named by the row's id, or why the id names none.</summary>
    private static SourceItem Named(byte[] utf8, Value idField, string defaultId, string where, SourceOptions options, Func<string, SourceDocument> make) =>
        idField.Kind switch
        {
            JsonTokenType.None or JsonTokenType.Null => make(defaultId),
            // An empty id would name no document in the output; the row's place does.
            JsonTokenType.String when StringAt(utf8, idField) is "" => make(defaultId),
            JsonTokenType.String when StringAt(utf8, idField) is { } id => make(RowIds.Clean(id)),
            JsonTokenType.String => new SourceFailure(where, UnpairedSurrogate(options.IdField)),
            JsonTokenType.Number => make(Encoding.UTF8.GetString(utf8, idField.Start, idField.Length)),
            var kind => new SourceFailure(where, $"\"{options.IdField}\" is {Describe(kind)}, not a string or number"),
        };

    /// <summary>Where a field's value is: its kind (<see cref="JsonTokenType.None"/> when absent) and, for a string
    /// or number, its bytes (a string's without the quotes).</summary>
    private readonly record struct Value(JsonTokenType Kind, int Start, int Length, bool Escaped);

    private readonly record struct Fields(JsonTokenType Root, Value Text, Value Id);

    /// <summary>Reads the whole row (so malformed JSON anywhere is reported first, as a parser would) and notes the
    /// root's kind and the last text and id fields of a root object.</summary>
    private static Fields Scan(byte[] utf8, SourceOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        JsonTokenType root = JsonTokenType.None;
        Value text = default, id = default;
        while (reader.Read())
        {
            if (root == JsonTokenType.None) root = reader.TokenType;
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            bool isText = reader.ValueTextEquals(options.TextField), isId = !isText && reader.ValueTextEquals(options.IdField);
            reader.Read();
            if (!isText && !isId) continue;
            var value = reader.TokenType is JsonTokenType.String or JsonTokenType.Number
                ? new Value(reader.TokenType, (int)reader.TokenStartIndex + (reader.TokenType == JsonTokenType.String ? 1 : 0), reader.ValueSpan.Length, reader.ValueIsEscaped)
                : new Value(reader.TokenType, 0, 0, false);
            if (isText) text = value;
            else id = value;
        }
        return new Fields(root, text, id);
    }

    /// <summary>The string value, or null when it escapes an unpaired surrogate (<c>"\ud800"</c>): valid JSON, but no
    /// .NET string can hold it without loss.</summary>
    private static string? StringAt(byte[] utf8, Value value) => Utf8At(utf8, value) switch
    {
        (null, _) => null,
        (var bytes, var count) when bytes == utf8 => Encoding.UTF8.GetString(utf8, value.Start, count),
        var (bytes, count) => Encoding.UTF8.GetString(bytes, 0, count),
    };

    /// <summary>The string value as UTF-8: the row itself (from the value's start) when it has no escapes, else an array
    /// of its own (from 0) and the length unescaped; no array when it escapes an unpaired surrogate.</summary>
    private static (byte[]? Bytes, int Count) Utf8At(byte[] utf8, Value value)
    {
        if (!value.Escaped) return (utf8, value.Length);
        // The string token alone, from its opening quote, read again to unescape it (never longer than escaped).
        var reader = new Utf8JsonReader(utf8.AsSpan(value.Start - 1), isFinalBlock: false, state: default);
        reader.Read();
        var unescaped = new byte[value.Length];
        try
        {
            return (unescaped, reader.CopyString(unescaped));
        }
        catch (InvalidOperationException)
        {
            return (null, 0);
        }
    }

    private static string UnpairedSurrogate(string field) => $"\"{field}\" holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text";

    /// <summary>The parser's message without its own " LineNumber: 0 | BytePositionInLine: N." (always line 0 here: it sees one line).</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
