using System.Text.Json.Serialization;

namespace Extractor.IO.Records;

/// <summary>One resolved entity within one document, the "entity" output level.</summary>
/// <remarks>Declaration order is the column order of every format (see <see cref="RecordSchema{T}"/>).</remarks>
/// <param name="Document">The document id, as in <see cref="MentionRecord.Document"/>.</param>
/// <param name="Type">The entity type: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Code">The country code, or empty when none.</param>
/// <param name="Mentions">How many mentions in the document resolved to this entity.</param>
/// <param name="FirstStart">Code-point offset of the entity's first mention (Python's str indexing).</param>
/// <param name="Aliases">Distinct surface forms: a JSON array; in CSV, TSV and xlsx one cell joined with <c>|</c>
/// (see <see cref="RecordFields.JoinAliases"/>).</param>
/// <param name="Score">Confidence in 0..1, written with at most 4 decimals.</param>
/// <param name="Role">A person's role in the document: that of the mention with the most specific (longest) role, the
/// first of equals; empty when none.</param>
/// <param name="Affiliation">The affiliation given with that role, or else the first one the document gives.</param>
public sealed record EntityRecord(
    string Document,
    string Type,
    string Name,
    string Code,
    int Mentions,
    int FirstStart,
    IReadOnlyList<string> Aliases,
    [property: JsonConverter(typeof(ScoreJsonConverter))] float Score,
    string Role,
    string Affiliation) : IOutputRecord;
