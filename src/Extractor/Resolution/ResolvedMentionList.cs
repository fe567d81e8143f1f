using System.Collections;
using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>
/// One document's resolved mentions, held as its tagged mentions and, per mention, a row of a table of the distinct
/// resolutions (kind, surface, names, code, role): a mention costs its row number, not a copy of every field.
/// </summary>
/// <remarks>
/// A span resolves by its label and surface, so a long document's hundreds of thousands of mentions share a few
/// thousand rows. Holding a full <see cref="ResolvedMention"/> per mention (88 bytes, then a filtered copy) was the
/// largest live data at the end of a large document's run (docs/memory.md). Reading an item builds the full value.
/// A list is filled by <see cref="EntityResolver"/> and is not changed once returned.
/// </remarks>
internal sealed class ResolvedMentionList : IReadOnlyList<ResolvedMention>
{
    private readonly Mention[] _mentions;
    private readonly int[] _rows;
    private readonly List<Resolution> _table;
    private readonly int[]? _kept;

    /// <summary>A list of <paramref name="mentions"/> whose rows are yet to be set; rows are added with <see cref="AddRow"/>.</summary>
    public ResolvedMentionList(Mention[] mentions)
        : this(mentions, new int[mentions.Length], [], null)
    {
    }

    private ResolvedMentionList(Mention[] mentions, int[] rows, List<Resolution> table, int[]? kept)
    {
        _mentions = mentions;
        _rows = rows;
        _table = table;
        _kept = kept;
    }

    /// <inheritdoc/>
    public int Count => _kept?.Length ?? _mentions.Length;

    /// <inheritdoc/>
    public ResolvedMention this[int index]
    {
        get
        {
            int k = _kept is null ? index : _kept[index];
            return _table[_rows[k]].Of(_mentions[k]);
        }
    }

    /// <summary>How many distinct resolutions the table holds.</summary>
    public int RowCount => _table.Count;

    /// <summary>The row of the mention at <paramref name="index"/> (of this list's items).</summary>
    public int RowOf(int index) => _rows[_kept is null ? index : _kept[index]];

    /// <summary>A distinct resolution; its <see cref="ResolvedMention.Mention"/> is left empty (a row stands for many).</summary>
    public ResolvedMention Row(int row) => _table[row].Of(default);

    /// <summary>Adds a distinct resolution (its mention is not kept) and returns its row.</summary>
    public int AddRow(ResolvedMention resolution)
    {
        _table.Add(new Resolution(resolution));
        return _table.Count - 1;
    }

    /// <summary>Replaces a row: every mention that uses it changes with it.</summary>
    public void SetRow(int row, ResolvedMention resolution) => _table[row] = new Resolution(resolution);

    /// <summary>Points the mention at <paramref name="index"/> at <paramref name="row"/>.</summary>
    public void Use(int index, int row) => _rows[_kept is null ? index : _kept[index]] = row;

    /// <summary>The items that <paramref name="keep"/> accepts, sharing this list's mentions and rows; this list when it accepts all.</summary>
    public ResolvedMentionList Where(Func<ResolvedMention, bool> keep)
    {
        List<int>? kept = null;
        for (int i = 0; i < Count; i++)
        {
            bool accepted = keep(this[i]);
            if (kept is null && !accepted)
            {
                kept = new List<int>(Count);
                for (int j = 0; j < i; j++) kept.Add(_kept is null ? j : _kept[j]);
            }
            if (kept is not null && accepted) kept.Add(_kept is null ? i : _kept[i]);
        }
        return kept is null ? this : new ResolvedMentionList(_mentions, _rows, _table, [.. kept]);
    }

    /// <inheritdoc/>
    public IEnumerator<ResolvedMention> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A row: a <see cref="ResolvedMention"/> without its span, 48 bytes instead of 88 (a 46 MB text has 214,538 rows).</summary>
    private readonly record struct Resolution(EntityKind Kind, string Text, string Name, string Code, string Role, string Affiliation)
    {
        public Resolution(ResolvedMention r)
            : this(r.Kind, r.Text, r.Name, r.Code, r.Role, r.Affiliation)
        {
        }

        public ResolvedMention Of(Mention mention) => new(mention, Kind, Text, Name, Code) { Role = Role, Affiliation = Affiliation };
    }
}
