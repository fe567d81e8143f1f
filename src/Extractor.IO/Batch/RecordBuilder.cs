using Extractor.IO.Records;
using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.IO.Batch;

/// <summary>Turns one document's resolved mentions and entities into output records; offsets become code-point offsets here.</summary>
/// <remarks>Users slice with Python (<c>text[start:end]</c>) or other code-point-indexed tools, so the public
/// contract counts code points, while the pipeline keeps .NET's UTF-16 offsets internally.</remarks>
internal static class RecordBuilder
{
    public static IEnumerable<MentionRecord> Mentions(string id, Document document)
    {
        var index = IndexOf(document);
        foreach (var m in document.Resolved)
            // The raw surface (the resolution's Text is text[Start..End], shared by its repeats), not a tidied form, so
            // that text[start:end] always gives it back.
            yield return new MentionRecord(id, m.Kind.ToOutputName(), m.Text, m.Name, m.Code,
                index.At(m.Mention.Start), index.At(m.Mention.End), m.Mention.Sentence, m.Mention.Score, m.Role, m.Affiliation);
    }

    public static IEnumerable<EntityRecord> Entities(string id, Document document)
    {
        var index = IndexOf(document);
        foreach (var e in document.Entities)
            yield return new EntityRecord(id, e.Kind.ToOutputName(), e.Name, e.Code, e.Mentions,
                index.At(e.FirstStart), e.Aliases, e.Score, e.Role, e.Affiliation);
    }

    /// <summary>Offsets of a document's text, without building a long document's text as a string.</summary>
    private static CodePointIndex IndexOf(Document document) =>
        document.Compact is { } compact ? new CodePointIndex(compact) : new CodePointIndex(document.Text);

    public static IEnumerable<CorpusRecord> Corpus(IReadOnlyList<CorpusEntity> entities) =>
        entities.Select(e => new CorpusRecord(e.Kind.ToOutputName(), e.Name, e.Code, e.Documents, e.Mentions, e.Aliases, e.Roles));
}
