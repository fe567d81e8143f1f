using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>
/// Accumulates document entities, or the corpus entities of other runs, into corpus entities.
/// </summary>
/// <remarks>
/// The result's order depends only on what was added, never on the order it came in: most documents first, then
/// most mentions, then kind, then name (ordinal), with aliases in ordinal order. So a run split into shards and
/// merged gives the same table as one run over all inputs, and merging is associative. Mutable by design and not
/// thread-safe: one aggregator per run, fed from one thread.
/// </remarks>
internal sealed class CorpusAggregator
{
    private readonly Dictionary<(EntityKind, string), Accumulator> _byKey = [];

    /// <summary>Number of documents added.</summary>
    public int Documents { get; private set; }

    /// <summary>Adds one document's entities (as <see cref="EntityResolver.Group"/> returns them).</summary>
    public void Add(IReadOnlyList<DocumentEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Documents++;
        foreach (DocumentEntity entity in entities)
            For(entity.Kind, entity.Name, entity.Code).Add(Documents, entity.Mentions, entity.Aliases, entity.Role);
    }

    /// <summary>Adds an entity of another run's corpus table: its documents and mentions are summed, its aliases united.</summary>
    /// <remarks>The runs must have read disjoint documents (shards of one input set), or a document is counted twice.</remarks>
    public void Add(CorpusEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        For(entity.Kind, entity.Name, entity.Code).Merge(entity);
    }

    /// <summary>The corpus entities so far, in the canonical order (see the remarks on the class).</summary>
    /// <remarks>Names are not joined across documents here (<c>State Department</c> and <c>U.S. State Department</c>
    /// stay two rows): a join decided per shard can differ from the one a single run decides, and merged shards must
    /// give the single run's table byte for byte.</remarks>
    public IReadOnlyList<CorpusEntity> Entities()
    {
        var entities = _byKey.Values.Select(a => a.Build()).ToArray();
        Array.Sort(entities, Canonical);
        return entities;
    }

    /// <summary>Most documents, most mentions, kind, then name: the corpus table's row order.</summary>
    private static int Canonical(CorpusEntity a, CorpusEntity b)
    {
        int c = b.Documents.CompareTo(a.Documents);
        if (c == 0) c = b.Mentions.CompareTo(a.Mentions);
        if (c == 0) c = a.Kind.CompareTo(b.Kind);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    private Accumulator For(EntityKind kind, string name, string code)
    {
        if (!_byKey.TryGetValue((kind, name), out Accumulator? accumulator))
        {
            accumulator = new Accumulator(kind, name);
            _byKey.Add((kind, name), accumulator);
        }
        accumulator.Code(code);
        return accumulator;
    }

    private sealed class Accumulator(EntityKind kind, string name)
    {
        private readonly SortedSet<string> _aliases = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _roles = new(StringComparer.Ordinal);
        private string _code = "";
        // 64-bit: merged shard tables of a large corpus can pass 2^31 mentions, and a wrapped count is silently wrong.
        private long _documents;
        private int _lastDocument;
        private long _mentions;

        /// <summary>A name resolves to one code; should two runs disagree (different country tables), the smaller wins, whatever the order.</summary>
        public void Code(string code)
        {
            if (code.Length > 0 && (_code.Length == 0 || string.CompareOrdinal(code, _code) < 0)) _code = code;
        }

        public void Add(int document, int mentions, IEnumerable<string> aliases, string role)
        {
            if (role.Length > 0) _roles.Add(role);
            // A document's entities are unique by (kind, name), but count a document once even if a caller repeats one.
            if (_lastDocument != document)
            {
                _documents++;
                _lastDocument = document;
            }
            _mentions += mentions;
            _aliases.UnionWith(aliases);
        }

        public void Merge(CorpusEntity entity)
        {
            _documents = checked(_documents + entity.Documents);
            _mentions = checked(_mentions + entity.Mentions);
            _aliases.UnionWith(entity.Aliases);
            _roles.UnionWith(entity.Roles);
        }

        public CorpusEntity Build() => new(kind, name, _code, _documents, _mentions, _aliases.ToArray()) { Roles = _roles.ToArray() };
    }
}
