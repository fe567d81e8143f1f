namespace Extractor.IO.Records;

/// <summary>One entity aggregated over every document of a run, the "corpus" output level.</summary>
/// <remarks>Declaration order is the column order of every format (see <see cref="RecordSchema{T}"/>).</remarks>
/// <param name="Type">The entity type: PERSON, ORGANIZATION, COUNTRY, LOCATION or MISC.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Code">The country code, or empty when none.</param>
/// <param name="Documents">How many documents mention the entity.</param>
/// <param name="Mentions">How many mentions in all.</param>
/// <param name="Aliases">Distinct surface forms: a JSON array; in CSV, TSV and xlsx one cell joined with <c>|</c>
/// (see <see cref="RecordFields.JoinAliases"/>).</param>
/// <param name="Roles">A person's distinct roles over the documents, in ordinal order, joined as aliases are.</param>
public sealed record CorpusRecord(
    string Type,
    string Name,
    string Code,
    long Documents,
    long Mentions,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles) : IOutputRecord;
