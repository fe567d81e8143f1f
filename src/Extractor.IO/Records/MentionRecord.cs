using System.Text.Json.Serialization;

namespace Extractor.IO.Records;

/// <summary>One entity mention, the "mention" output level; offsets are half-open Unicode code-point offsets into the document text (Python's <c>text[start:end]</c>).</summary>
/// <remarks>Declaration order is the column order of every format (see <see cref="RecordSchema{T}"/>).</remarks>
/// <param name="Document">The document id: relative path, path as given, <c>-</c> for stdin, or the row id.</param>
/// <param name="Type">The entity type: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC.</param>
/// <param name="Text">The mention's surface text, exactly as in the document.</param>
/// <param name="Name">The canonical name the mention resolved to.</param>
/// <param name="Code">The country code, or empty when none.</param>
/// <param name="Start">Code-point offset of the mention's first character.</param>
/// <param name="End">Offset just past the mention (exclusive).</param>
/// <param name="Sentence">0-based sentence index within the document.</param>
/// <param name="Score">Model confidence in 0..1, written with at most 4 decimals.</param>
/// <param name="Role">A person's role as the text gives it here, spacing normalized (<c>Defense Secretary</c>,
/// <c>chief executive</c>); empty for other types and when the text gives none.</param>
/// <param name="Affiliation">The canonical name of the organization or country that role belongs to (<c>United
/// States</c>, <c>Apple</c>), as the entity table names it; empty when none is given.</param>
public sealed record MentionRecord(
    string Document,
    string Type,
    string Text,
    string Name,
    string Code,
    int Start,
    int End,
    int Sentence,
    [property: JsonConverter(typeof(ScoreJsonConverter))] float Score,
    string Role,
    string Affiliation) : IOutputRecord;
