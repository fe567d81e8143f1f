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
public sealed class CorpusAggregator
{
    private readonly Dictionary<(EntityKind, string), Accumulator> _byKey = [];
    private readonly Extractor.Lexicons.CountryTable _countries = Extractor.Lexicons.CountryTable.Default;

    /// <summary>Number of documents added.</summary>
    public int Documents { get; private set; }

    /// <summary>Adds one document's entities (as <see cref="EntityResolver.Group"/> returns them).</summary>
    public void Add(IReadOnlyList<DocumentEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Documents++;
        foreach (DocumentEntity entity in entities)
            For(entity.Kind, entity.Name, entity.Code).Add(Documents, entity.Mentions, entity.Aliases);
    }

    /// <summary>Adds an entity of another run's corpus table: its documents and mentions are summed, its aliases united.</summary>
    /// <remarks>The runs must have read disjoint documents (shards of one input set), or a document is counted twice.</remarks>
    public void Add(CorpusEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        For(entity.Kind, entity.Name, entity.Code).Merge(entity);
    }

    /// <summary>The corpus entities so far, in the canonical order (see the remarks on the class).</summary>
    /// <remarks>An organization named in some documents without its country (<c>State Department</c>) joins the one
    /// organization of the corpus named with a country before the same words (<c>U.S. State Department</c>), as inside
    /// a document (guideline O4); with two such names (<c>U.S.</c> and <c>Qatar's Foreign Ministry</c>) it stays apart.
    /// The join is made on the whole table, so shards merged later join the same way unless one shard alone saw only
    /// one of two competing longer names.</remarks>
    public IReadOnlyList<CorpusEntity> Entities()
    {
        var organizations = _byKey.Where(p => p.Key.Item1 == EntityKind.Organization).Select(p => p.Key.Item2).ToArray();
        Dictionary<string, string> joined = OrganizationNames.CountryPrefixed(organizations, _countries);
        var built = new Dictionary<(EntityKind, string), CorpusEntity>();
        foreach (var (key, accumulator) in _byKey)
        {
            var entity = accumulator.Build();
            var target = key.Item1 == EntityKind.Organization && joined.TryGetValue(key.Item2, out string? longer) ? (key.Item1, longer) : key;
            built[target] = built.TryGetValue(target, out var other) ? Accumulator.Join(other, entity, target.Item2) : entity with { Name = target.Item2 };
        }
        var entities = built.Values.ToArray();
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
        private string _code = "";
        private int _documents;
        private int _lastDocument;
        private int _mentions;

        /// <summary>A name resolves to one code; should two runs disagree (different country tables), the smaller wins, whatever the order.</summary>
        public void Code(string code)
        {
            if (code.Length > 0 && (_code.Length == 0 || string.CompareOrdinal(code, _code) < 0)) _code = code;
        }

        public void Add(int document, int mentions, IEnumerable<string> aliases)
        {
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
            _documents += entity.Documents;
            _mentions += entity.Mentions;
            _aliases.UnionWith(entity.Aliases);
        }

        public CorpusEntity Build() => new(kind, name, _code, _documents, _mentions, _aliases.ToArray());

        /// <summary>Two entities of the corpus under one name: counts summed (a document names one of them, since a
        /// document's own names are already joined), aliases united in ordinal order.</summary>
        public static CorpusEntity Join(CorpusEntity a, CorpusEntity b, string name) =>
            new(a.Kind, name, a.Code.Length > 0 ? a.Code : b.Code, a.Documents + b.Documents, a.Mentions + b.Mentions,
                a.Aliases.Union(b.Aliases).Order(StringComparer.Ordinal).ToArray());
    }
}
