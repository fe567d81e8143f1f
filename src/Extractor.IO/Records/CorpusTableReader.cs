using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Extractor.IO.Output;
using Extractor.Resolution;

namespace Extractor.IO.Records;

/// <summary>Reads a corpus-level table as <c>extract -l corpus</c> writes it, in any of its formats, back into entities.</summary>
/// <remarks>Strict: the header (or the JSON properties) must be the corpus schema's, so an entity- or mention-level
/// file, or any other table, is refused with its file and line rather than half-read.</remarks>
public static class CorpusTableReader
{
    private static readonly string[] Header = [.. RecordSchema<CorpusRecord>.Instance.Columns];

    /// <summary>The table's format: by extension when it has a known one, else by its first character (<c>{</c> JSONL, <c>[</c> JSON, else CSV).</summary>
    public static OutputFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csv" or ".tsv" or ".json" or ".jsonl" or ".ndjson") return OutputFormats.FromPath(path);
        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c)) { }
        return c switch { '{' => OutputFormat.Jsonl, '[' => OutputFormat.Json, _ => OutputFormat.Csv };
    }

    /// <summary>The entities of the table in <paramref name="path"/>, read as <paramref name="format"/>.</summary>
    /// <exception cref="InvalidDataException">Not a corpus table, or a bad row; the message names file and line (record, for JSON).</exception>
    public static IEnumerable<CorpusEntity> Read(string path, OutputFormat format) => format switch
    {
        OutputFormat.Csv => ReadDelimited(path, ','),
        OutputFormat.Tsv => ReadDelimited(path, '\t'),
        OutputFormat.Jsonl => ReadJsonLines(path),
        _ => ReadJsonArray(path),
    };

    private static IEnumerable<CorpusEntity> ReadDelimited(string path, char separator)
    {
        using var text = new StreamReader(path);
        using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { Separator = separator, HasHeader = false });
        long line = 0;
        while (csv.Read())
        {
            line++;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray();
            if (line == 1)
            {
                if (!fields.SequenceEqual(Header)) throw Bad(path, line, $"not a corpus-level table (expected the header {string.Join(separator, Header)}; write one with extract -l corpus)");
                continue;
            }
            if (fields.Length != Header.Length) throw Bad(path, line, $"{fields.Length} fields, expected {Header.Length}");
            yield return Entity(path, line.ToString(CultureInfo.InvariantCulture), [.. fields.Select(Unescape)]);
        }
        if (line == 0) throw Bad(path, 1, "empty file, not a corpus-level table");
    }

    private static IEnumerable<CorpusEntity> ReadJsonLines(string path)
    {
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return FromJson(path, line, text);
        }
    }

    private static IEnumerable<CorpusEntity> ReadJsonArray(string path)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw Bad(path, (e.LineNumber ?? 0) + 1, "malformed JSON: " + e.Message.Split(" Path:")[0]); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Bad(path, 1, "expected a JSON array of corpus records");
            long record = 0;
            foreach (var element in document.RootElement.EnumerateArray())
                yield return FromElement(path, ++record, element, "record");
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
            fields[i] = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        }
        return Entity(path, where, fields);
    }

    /// <summary>An entity from the six fields of a row, in schema order; <paramref name="where"/> is its line (or JSON record).</summary>
    private static CorpusEntity Entity(string path, string where, string[] f)
    {
        if (!TryKind(f[0], out var kind)) throw new InvalidDataException($"{path}:{where}: unknown type '{f[0]}'");
        if (f[1].Length == 0) throw new InvalidDataException($"{path}:{where}: empty name");
        if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int documents) || documents < 1)
            throw new InvalidDataException($"{path}:{where}: documents '{f[3]}' is not a positive whole number");
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int mentions) || mentions < documents)
            throw new InvalidDataException($"{path}:{where}: mentions '{f[4]}' is not a whole number of at least documents ({documents})");
        var aliases = f[5].Length == 0 ? [] : f[5].Split(RecordFields.AliasSeparator);
        return new CorpusEntity(kind, f[1], f[2], documents, mentions, aliases);
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
        field.Length > 1 && field[0] == '\'' && DelimitedRecordWriter<CorpusRecord>.StartsLikeFormula(field[1..]) ? field[1..] : field;

    private static InvalidDataException Bad(string path, long line, string reason) =>
        new($"{path}:{line.ToString(CultureInfo.InvariantCulture)}: {reason}");
}
