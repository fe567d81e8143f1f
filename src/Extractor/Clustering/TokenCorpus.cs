namespace Extractor.Clustering;

/// <summary>
/// An interned token stream: word types by id, their counts, and the token ids in order with paragraph breaks.
/// </summary>
/// <remarks>
/// Ids are assigned in order of first appearance; <see cref="BrownClusterer"/> re-ranks them by frequency. Tokens are
/// kept as one growable <c>int[]</c> (4 bytes a token) rather than strings so tens of millions fit comfortably.
/// </remarks>
internal sealed class TokenCorpus
{
    /// <summary>Marks a paragraph boundary in <see cref="Tokens"/>; no bigram spans it.</summary>
    public const int Break = -1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly List<long> _counts = [];
    private int[] _tokens = new int[1024];
    private int _length;

    /// <summary>Creates an empty corpus.</summary>
    public TokenCorpus() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of distinct word types seen.</summary>
    public int TypeCount => _words.Count;

    /// <summary>Number of word tokens added (paragraph breaks excluded).</summary>
    public long TokenCount { get; private set; }

    /// <summary>The word type with id <paramref name="id"/>.</summary>
    public string Word(int id) => _words[id];

    /// <summary>The id of <paramref name="word"/>, or -1 when the corpus never had it.</summary>
    public int IdOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out int id) ? id : -1;

    /// <summary>How often the word type with id <paramref name="id"/> occurred.</summary>
    public long Frequency(int id) => _counts[id];

    /// <summary>Token ids in order, with <see cref="Break"/> between paragraphs.</summary>
    public ReadOnlySpan<int> Tokens => _tokens.AsSpan(0, _length);

    /// <summary>Appends one token, interning its text without allocating when the word is already known.</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        if (!_lookup.TryGetValue(word, out int id))
        {
            id = _words.Count;
            string text = word.ToString();
            _ids.Add(text, id);
            _words.Add(text);
            _counts.Add(0);
        }
        _counts[id]++;
        TokenCount++;
        Append(id);
    }

    /// <summary>Ends the current paragraph, so the next token does not form a bigram with the last one.</summary>
    public void EndParagraph()
    {
        if (_length > 0 && _tokens[_length - 1] != Break)
        {
            Append(Break);
        }
    }

    private void Append(int id)
    {
        if (_length == _tokens.Length)
        {
            Array.Resize(ref _tokens, checked(_tokens.Length * 2));
        }
        _tokens[_length++] = id;
    }
}
