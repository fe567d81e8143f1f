using Extractor.IO.Sources;
using Extractor.Resolution;

namespace Extractor.IO.Batch;

/// <summary>What processing one source item produced, waiting its turn to be written in input order.</summary>
/// <param name="Item">The source item (document, warning or failure).</param>
/// <param name="Text">The document text, for offsets.</param>
/// <param name="Mentions">Resolved, filtered mentions (documents only).</param>
/// <param name="Entities">Mentions grouped per entity (documents only).</param>
/// <param name="Tokens">Token count, for throughput.</param>
/// <param name="Failure">Why processing failed, when it did.</param>
internal sealed record DocumentResult(
    SourceItem Item,
    string Text,
    IReadOnlyList<ResolvedMention> Mentions,
    IReadOnlyList<DocumentEntity> Entities,
    int Tokens,
    string? Failure);
