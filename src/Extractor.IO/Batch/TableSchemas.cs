using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extractor.IO.Output;
using Extractor.IO.Records;

namespace Extractor.IO.Batch;

/// <summary>
/// The types of an output table, written beside it (<c>--schema FILE</c>) so that tools which guess types from
/// values (csvkit, pandas, sqlite's <c>.import</c>) are told instead: a Frictionless Table Schema (JSON), or for a
/// file ending in <c>.sql</c> a SQLite <c>CREATE TABLE</c> for the level.
/// </summary>
public static class TableSchemas
{
    /// <summary>The schema of <paramref name="level"/> as written in <paramref name="format"/>, in the kind <paramref name="path"/>'s extension asks for.</summary>
    public static string For(OutputLevel level, OutputFormat format, string path) => level switch
    {
        OutputLevel.Mention => For<MentionRecord>(format, path, "mentions"),
        OutputLevel.Entity => For<EntityRecord>(format, path, "entities"),
        _ => For<CorpusRecord>(format, path, "corpus"),
    };

    private static string For<T>(OutputFormat format, string path, string table) where T : IOutputRecord =>
        Path.GetExtension(path).Equals(".sql", StringComparison.OrdinalIgnoreCase) ? Sqlite<T>(table) : Frictionless<T>(format);

    /// <summary>A Frictionless Table Schema: every column's name, type and description; only the empty cell is missing
    /// (so <c>NA</c>, Namibia's code, is a value).</summary>
    internal static string Frictionless<T>(OutputFormat format) where T : IOutputRecord
    {
        var schema = RecordSchema<T>.Instance;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("fields");
            for (int column = 0; column < schema.Columns.Count; column++)
            {
                string name = schema.Columns[column];
                var kind = schema.Kind(column);
                bool array = kind == ColumnKind.List && format is OutputFormat.Json or OutputFormat.Jsonl;
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("type", kind switch { ColumnKind.Integer => "integer", ColumnKind.Decimal => "number", _ when array => "array", _ => "string" });
                string description = ColumnDescriptions.Of(name);
                if (kind == ColumnKind.List && !array) description += " Joined with |; a | or \\ inside one is written \\| or \\\\.";
                json.WriteString("description", description);
                if (kind is ColumnKind.Integer or ColumnKind.Decimal)
                {
                    json.WriteStartObject("constraints");
                    json.WriteBoolean("required", true);
                    json.WriteNumber("minimum", 0);
                    if (kind == ColumnKind.Decimal) json.WriteNumber("maximum", 1);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("missingValues");
            json.WriteStringValue("");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A SQLite table whose column types make <c>.import</c> store numbers as numbers.</summary>
    internal static string Sqlite<T>(string table) where T : IOutputRecord
    {
        var schema = RecordSchema<T>.Instance;
        var sql = new StringBuilder();
        sql.Append($"-- The {table} table of extractor's output. Load a CSV run into it (the header row skipped):\n");
        sql.Append($"--   sqlite3 out.db < {table}.sql && sqlite3 out.db \".import --csv --skip 1 {table}.csv {table}\"\n");
        sql.Append($"CREATE TABLE {table} (\n");
        for (int column = 0; column < schema.Columns.Count; column++)
        {
            string name = schema.Columns[column];
            string type = schema.Kind(column) switch { ColumnKind.Integer => "INTEGER", ColumnKind.Decimal => "REAL", _ => "TEXT" };
            string comma = column < schema.Columns.Count - 1 ? "," : "";
            sql.Append($"  \"{name}\" {type} NOT NULL{comma} -- {ColumnDescriptions.Of(name)}\n");
        }
        sql.Append(");\n");
        return sql.ToString();
    }
}
