using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Extractor.IO.Records;

/// <summary>
/// The published columns of one record type and how each value is spelled. The record's declaration
/// is the single definition: column names and order come from the source-generated JSON metadata, so
/// the CSV header and the JSON property names cannot drift apart.
/// </summary>
/// <remarks>
/// The alternative, a hand-written column list per record beside a hand-written field writer, would
/// keep the order in three places (record, list, writer). Reading values through the metadata boxes
/// each field, which is fine for output: it is a few fields per mention, far from the tagging hot path.
/// </remarks>
internal sealed class RecordSchema<T> where T : IOutputRecord
{
    /// <summary>Options with relaxed escaping so names such as "Müller" stay readable; quotes and control characters are still escaped.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(RecordJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema of <typeparamref name="T"/>.</summary>
    public static RecordSchema<T> Instance { get; } = new();

    private readonly JsonPropertyInfo[] _properties;
    private readonly ColumnKind[] _kinds;

    private RecordSchema()
    {
        TypeInfo = (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T));
        _properties = [.. TypeInfo.Properties];
        Columns = [.. _properties.Select(p => p.Name)];
        _kinds = [.. _properties.Select(p => KindOf(p.PropertyType))];
    }

    /// <summary>Column names in output order, exactly as they appear in CSV headers and JSON properties.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>What column <paramref name="column"/> holds, for formats that type their cells (xlsx, table schemas).</summary>
    public ColumnKind Kind(int column) => _kinds[column];

    /// <summary>Source-generated metadata used to serialize the record as JSON.</summary>
    internal JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>The text of column <paramref name="column"/> of <paramref name="record"/>: invariant integers, four-decimal scores.</summary>
    public string Format(T record, int column) => _properties[column].Get!(record) switch
    {
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        float score => RecordFields.FormatScore(score),
        IReadOnlyList<string> list => RecordFields.JoinAliases(list),
        null => "",
        var other => throw new InvalidOperationException($"Column '{Columns[column]}' has unsupported type {other.GetType().Name}."),
    };

    private static ColumnKind KindOf(Type type) =>
        type == typeof(string) ? ColumnKind.Text
        : type == typeof(int) || type == typeof(long) ? ColumnKind.Integer
        : type == typeof(float) ? ColumnKind.Decimal
        : type == typeof(IReadOnlyList<string>) ? ColumnKind.List
        : throw new InvalidOperationException($"Unsupported column type {type.Name}.");
}

/// <summary>The value types of output columns.</summary>
internal enum ColumnKind
{
    /// <summary>Text; empty when there is no value.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number with at most four decimals (a score).</summary>
    Decimal,
    /// <summary>A list of texts: a JSON array, one <c>|</c>-joined cell elsewhere.</summary>
    List,
}
