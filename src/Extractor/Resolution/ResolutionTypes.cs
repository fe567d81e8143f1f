using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>Settings for <see cref="EntityResolver"/>.</summary>
/// <param name="Demonyms">When true, a MISC span that is exactly a demonym (<c>Israeli</c>, <c>Palestinians</c>)
/// becomes a mention of that country; when false (the default) it stays MISC.</param>
/// <param name="UserLexicon">A user's lexicon: a mention that spells one of its surfaces takes the entry's kind and
/// canonical name as written there, and no other rule renames it. Null for none.</param>
internal sealed record ResolutionOptions(bool Demonyms = false, Extractor.Knowledge.UserLexicon? UserLexicon = null)
{
    /// <summary>Demonyms off.</summary>
    public static ResolutionOptions Default { get; } = new();
}

/// <summary>One tagged mention with its resolved kind and canonical name.</summary>
/// <param name="Mention">The model's span; its offsets index the document text.</param>
/// <param name="Kind">Resolved kind (countries split from LOC/ORG/MISC).</param>
/// <param name="Text">The surface exactly as in the document, <c>text[Start..End]</c>.</param>
/// <param name="Name">Canonical name: country short name, person without titles and with the document's full
/// name for a bare surname, organization expanded from its acronym.</param>
/// <param name="Code">ISO 3166-1 alpha-2 code for countries; empty otherwise.</param>
/// <remarks><see cref="Role"/> and <see cref="Affiliation"/> are set on persons only (guidelines R1 to R3).</remarks>
public readonly record struct ResolvedMention(Mention Mention, EntityKind Kind, string Text, string Name, string Code)
{
    /// <summary>The role the text gives a person here, as written (<c>Defense Secretary</c>, <c>chief executive</c>), or empty.</summary>
    public string Role { get; init; } = "";

    /// <summary>The canonical name of the organization or country the role belongs to (<c>United States</c>), or empty.</summary>
    public string Affiliation { get; init; } = "";
}

/// <summary>All mentions of one entity in one document, grouped by (kind, canonical name).</summary>
/// <param name="Kind">Entity kind.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Code">ISO alpha-2 for countries; empty otherwise.</param>
/// <param name="Mentions">Number of mentions.</param>
/// <param name="FirstStart">UTF-16 offset of the first mention.</param>
/// <param name="Aliases">Distinct surface forms (whitespace collapsed, possessive removed) in order of first appearance.</param>
/// <param name="Score">Highest mention score.</param>
public sealed record DocumentEntity(EntityKind Kind, string Name, string Code, int Mentions, int FirstStart, IReadOnlyList<string> Aliases, float Score)
{
    /// <summary>A person's role: that of the mention with the longest role, ties to the first; empty when none has one.</summary>
    public string Role { get; init; } = "";

    /// <summary>The affiliation given with that role, or else the first one given; empty when none.</summary>
    public string Affiliation { get; init; } = "";
}

/// <summary>One entity across a corpus, accumulated by <see cref="CorpusAggregator"/>.</summary>
/// <param name="Kind">Entity kind.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Code">ISO alpha-2 for countries; empty otherwise.</param>
/// <param name="Documents">Number of documents that mention it.</param>
/// <param name="Mentions">Total mentions over all documents.</param>
/// <param name="Aliases">Distinct surface forms across documents, in ordinal order (so the table does not depend on input order).</param>
public sealed record CorpusEntity(EntityKind Kind, string Name, string Code, long Documents, long Mentions, IReadOnlyList<string> Aliases)
{
    /// <summary>The distinct roles of the entity's documents, in ordinal order (so merging shards is associative).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
