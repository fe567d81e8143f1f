namespace Extractor.Resolution;

/// <summary>
/// Accumulates document entities into corpus entities, document by document. Entities keep the order in
/// which they first appeared (documents in input order, entities in document order), so output is deterministic.
/// </summary>
/// <remarks>Mutable by design and not thread-safe: one aggregator per run, fed from one thread.</remarks>
public sealed class CorpusAggregator
{
    private readonly Dictionary<(EntityKind, string), Accumulator> _byKey = [];
    private readonly List<Accumulator> _order = [];

    /// <summary>Number of documents added.</summary>
    public int Documents { get; private set; }

    /// <summary>Adds one document's entities (as returned by <see cref="EntityResolver.Group"/>).</summary>
    public void Add(IReadOnlyList<DocumentEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Documents++;
        foreach (DocumentEntity entity in entities)
        {
            if (!_byKey.TryGetValue((entity.Kind, entity.Name), out Accumulator? accumulator))
            {
                accumulator = new Accumulator(entity.Kind, entity.Name, entity.Code);
                _byKey.Add((entity.Kind, entity.Name), accumulator);
                _order.Add(accumulator);
            }
            accumulator.Add(entity, Documents);
        }
    }

    /// <summary>A snapshot of the corpus entities so far, in order of first appearance.</summary>
    public IReadOnlyList<CorpusEntity> Entities() => _order.Select(a => a.Build()).ToArray();

    private sealed class Accumulator(EntityKind kind, string name, string code)
    {
        private readonly List<string> _aliases = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _documents;
        private int _lastDocument;
        private int _mentions;

        public void Add(DocumentEntity entity, int document)
        {
            // A document's entities are unique by (kind, name), but count a document once even if a caller repeats one.
            if (_lastDocument != document)
            {
                _documents++;
                _lastDocument = document;
            }
            _mentions += entity.Mentions;
            foreach (string alias in entity.Aliases)
            {
                if (_seen.Add(alias))
                {
                    _aliases.Add(alias);
                }
            }
        }

        public CorpusEntity Build() => new(kind, name, code, _documents, _mentions, _aliases.ToArray());
    }
}
