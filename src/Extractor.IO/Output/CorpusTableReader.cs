using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Extractor.IO.Output;
using Extractor.IO.Records;
using Extractor.Knowledge;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.IO.Output;

/// <summary>Reads a corpus-level table as <c>extract -l corpus</c> writes it, in any of its formats, back into entities.</summary>
/// <remarks>Strict: the header (or the JSON properties) must be the corpus schema's, so an entity- or mention-level
/// file, or any other table, is refused with its file and line rather than half-read.</remarks>
internal static class CorpusTableReader
{
    private static readonly string[] Header = [.. RecordSchema<CorpusRecord>.Instance.Columns];

    /// <summary>The table in <paramref name="path"/>, read whole and strictly (UTF-8, no NUL bytes): its text and format.</summary>
    /// <exception cref="InvalidDataException">An xlsx workbook, not UTF-8, or a NUL byte; the message names file and line.</exception>
    public static (string Text, OutputFormat Format) Load(string path)
    {
        if (OutputFormats.FromPath(path) == OutputFormat.Xlsx)
            throw new InvalidDataException($"{path}: an xlsx workbook; merge reads the csv, tsv, json or jsonl tables of extract -l corpus (xlsx can be merge's output)");
        string text = StrictText.ReadFile(path, path);
        return (text, FormatOf(path, text));
    }

    /// <summary>The table's format: by extension when it has a known one, else by its first character (<c>{</c> JSONL, <c>[</c> JSON, else CSV).</summary>
    public static OutputFormat FormatOf(string path, string text)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csv" or ".tsv" or ".json" or ".jsonl" or ".ndjson") return OutputFormats.FromPath(path);
        var start = text.AsSpan().TrimStart();
        return start.IsEmpty ? OutputFormat.Csv : start[0] switch { '{' => OutputFormat.Jsonl, '[' => OutputFormat.Json, _ => OutputFormat.Csv };
    }

    /// <summary>The entities of <paramref name="text"/>, the table in <paramref name="path"/>, read as <paramref name="format"/>.</summary>
    /// <exception cref="InvalidDataException">Not a corpus table, or a bad row; the message names file and line (record, for JSON).</exception>
    public static IEnumerable<(CorpusEntity Entity, string Where)> Read(string path, string text, OutputFormat format) => format switch
    {
        OutputFormat.Csv => ReadCsv(path, text, SeparatorOf(text)),
        OutputFormat.Tsv => ReadTsv(path, text),
        OutputFormat.Jsonl => ReadJsonLines(path, text),
        _ => ReadJsonArray(path, text),
    };

    /// <summary>The CSV separator: the character after the header's first column name (<c>,</c> or <c>--delimiter</c>'s <c>;</c>).</summary>
    private static char SeparatorOf(string text) =>
        text.StartsWith(Header[0], StringComparison.Ordinal) && text.Length > Header[0].Length && OutputChoices.IsDelimiter(text[Header[0].Length])
            ? text[Header[0].Length]
            : ',';

    private static IEnumerable<(CorpusEntity, string)> ReadCsv(string path, string text, char separator)
    {
        using var csv = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { Separator = separator, HasHeader = false });
        long line = 0;
        while (csv.Read())
        {
            line++;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray();
            if (Row(path, line, fields, separator) is { } row) yield return row;
        }
        if (line == 0) throw Bad(path, 1, "empty file, not a corpus-level table");
    }

    /// <summary>TSV as <see cref="TsvRecordWriter{T}"/> writes it: one record per line, fields split at every tab, escapes undone.</summary>
    private static IEnumerable<(CorpusEntity, string)> ReadTsv(string path, string text)
    {
        long line = 0;
        foreach (var row in StrictText.SplitLines(text))
        {
            line++;
            if (row.Length == 0 && line > 1) continue;
            var fields = row.Split('\t').Select(TsvRecordWriter<CorpusRecord>.Unescape).ToArray();
            if (Row(path, line, fields, '\t') is { } entity) yield return entity;
        }
        if (line == 0) throw Bad(path, 1, "empty file, not a corpus-level table");
    }

    /// <summary>The entity of one table line; null for the header, which must be the corpus schema's.</summary>
    private static (CorpusEntity, string)? Row(string path, long line, string[] fields, char separator)
    {
        if (line == 1)
        {
            if (!fields.SequenceEqual(Header)) throw Bad(path, line, $"not a corpus-level table (expected the header {string.Join(separator, Header)}; write one with extract -l corpus)");
            return null;
        }
        if (fields.Length != Header.Length) throw Bad(path, line, $"{fields.Length} fields, expected {Header.Length}");
        string where = line.ToString(CultureInfo.InvariantCulture);
        return (Entity(path, where, [.. fields.Select(Unescape)]), where);
    }

    private static IEnumerable<(CorpusEntity, string)> ReadJsonLines(string path, string text)
    {
        long line = 0;
        foreach (var row in StrictText.SplitLines(text))
        {
            line++;
            if (string.IsNullOrWhiteSpace(row)) continue;
            yield return (FromJson(path, line, row), line.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<(CorpusEntity, string)> ReadJsonArray(string path, string text)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text); }
        catch (JsonException e) { throw Bad(path, (e.LineNumber ?? 0) + 1, "malformed JSON: " + e.Message.Split(" Path:")[0]); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Bad(path, 1, "expected a JSON array of corpus records");
            long record = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                record++;
                yield return (FromElement(path, record, element, "record"), $"record {record}");
            }
        }
    }

    private static CorpusEntity FromJson(string path, long line, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return FromElement(path, line, document.RootElement, "");
        }
        catch (JsonException e) { throw Bad(path, line, "malformed JSON: " + e.Message.Split(" Path:")[0]); }
    }

    private static CorpusEntity FromElement(string path, long line, JsonElement element, string unit)
    {
        string where = unit.Length == 0 ? line.ToString(CultureInfo.InvariantCulture) : $"{unit} {line}";
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}:{where}: expected a JSON object");
        var fields = new string[Header.Length];
        for (int i = 0; i < Header.Length; i++)
        {
            if (!element.TryGetProperty(Header[i], out var value))
                throw new InvalidDataException($"{path}:{where}: no \"{Header[i]}\" property; not a corpus-level record (write one with extract -l corpus)");
            fields[i] = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString()!,
                // aliases and roles: arrays since the JSON writers gave up the joined string; the cell spelling is the common form.
                JsonValueKind.Array => RecordFields.JoinAliases([.. value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                    ? e.GetString()!
                    : throw new InvalidDataException($"{path}:{where}: \"{Header[i]}\" holds a {e.ValueKind.ToString().ToLowerInvariant()}, expected strings"))]),
                _ => "",
            };
        }
        return Entity(path, where, fields);
    }

    /// <summary>An entity from the seven fields of a row, in schema order; <paramref name="where"/> is its line (or JSON record).</summary>
    private static CorpusEntity Entity(string path, string where, string[] f)
    {
        if (!TryKind(f[0], out var kind)) throw new InvalidDataException($"{path}:{where}: unknown type '{f[0]}'");
        if (f[1].Length == 0) throw new InvalidDataException($"{path}:{where}: empty name");
        if (!long.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out long documents) || documents < 1)
            throw new InvalidDataException($"{path}:{where}: documents '{f[3]}' is not a positive whole number");
        if (!long.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out long mentions) || mentions < documents)
            throw new InvalidDataException($"{path}:{where}: mentions '{f[4]}' is not a whole number of at least documents ({documents})");
        if (kind == EntityKind.Country ? !CountryTable.Default.All.Any(c => c.Alpha2 == f[2]) : f[2].Length > 0)
            throw new InvalidDataException(kind == EntityKind.Country
                ? $"{path}:{where}: code '{f[2]}' is not an ISO 3166-1 alpha-2 code this tool writes"
                : $"{path}:{where}: a {f[0]} row has a code ('{f[2]}'); only COUNTRY rows carry one");
        var aliases = RecordFields.SplitAliases(f[5]);
        var roles = RecordFields.SplitAliases(f[6]);
        return new CorpusEntity(kind, f[1], f[2], documents, mentions, aliases) { Roles = roles };
    }

    private static bool TryKind(string type, out EntityKind kind)
    {
        foreach (var k in Enum.GetValues<EntityKind>())
        {
            if (k.ToOutputName() == type) { kind = k; return true; }
        }
        kind = default;
        return false;
    }

    /// <summary>Undoes the writer's formula escaping (<c>'=1+1</c> → <c>=1+1</c>), so that a table merged into JSON
    /// holds the names a JSON run would, and one merged back into CSV is escaped once, as before.</summary>
    private static string Unescape(string field) =>
        field.Length > 1 && field[0] == '\'' && RecordFields.StartsLikeFormula(field[1..]) ? field[1..] : field;

    private static InvalidDataException Bad(string path, long line, string reason) =>
        new($"{path}:{line.ToString(CultureInfo.InvariantCulture)}: {reason}");
}
