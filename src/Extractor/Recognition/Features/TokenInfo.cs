using Extractor.Knowledge;
namespace Extractor.Recognition.Features;

/// <summary>Everything the feature templates need to know about one token, hashed once per token.</summary>
/// <remarks>Templates combine these precomputed values instead of re-reading text, so a window of five
/// tokens costs five struct reads rather than five string scans.</remarks>
internal struct TokenInfo
{
    public ulong Word;
    public ulong Lower;
    public ulong Shape;
    public ulong ShortShape;
    public ulong Prefix1, Prefix2, Prefix3, Prefix4;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    public TokenFlags Flags;
    public GazetteerHits Gazetteer;
    /// <summary>Brown cluster index, or -1 when the word has none.</summary>
    public int Cluster;
    /// <summary>Class of the name phrase the token is part of, plus one (0 = in none).</summary>
    public int Phrase;
    /// <summary>The token's place in that phrase: 1 first, 2 inside, 3 last.</summary>
    public byte PhrasePart;
    /// <summary>The word folded to lowercase without diacritics, hashed (<see cref="PhraseLists.Fold"/>); set only when the lexicon has phrase lists.</summary>
    public ulong Folded;
    /// <summary>The token's place in the longest listed name of each phrase list, 4 bits per list: 0 none, 1 first, 2 inside, 3 last, 4 the whole name.</summary>
    public ulong ListParts;
    /// <summary>How the same lowercased word is written elsewhere in the document.</summary>
    public DocumentCase DocumentCase;
    /// <summary>First-pass label most often given to this word elsewhere in the document (0 = none, 1 + label otherwise).</summary>
    public byte ContextLabel;
    /// <summary>First-pass label given to this very token (0 = outside, 1 + label otherwise).</summary>
    public byte OwnLabel;
    /// <summary>The word's own feature has a weight in the model's first pass (set only when the featurizer is given
    /// that index); read by the mention evidence, never by a feature template.</summary>
    public bool KnownWord;
}

/// <summary>Hits in the project's word lists for one token.</summary>
[Flags]
internal enum GazetteerHits : ushort
{
    None = 0,
    FirstName = 1 << 0,
    PersonTitle = 1 << 1,
    Country = 1 << 2,
    Demonym = 1 << 3,
    OrgSuffix = 1 << 4,
    OrgKeyword = 1 << 5,
    LocationKeyword = 1 << 6,
    /// <summary>Part of a multi-word country name (e.g. "United" in "United Arab Emirates").</summary>
    CountryPhrase = 1 << 7,
}

/// <summary>How a word is capitalized at its other occurrences in the same document.</summary>
[Flags]
internal enum DocumentCase : byte
{
    None = 0,
    /// <summary>Capitalized somewhere that is neither a sentence start nor an all-caps line: likely a name.</summary>
    CapitalizedMidSentence = 1 << 0,
    /// <summary>Written in lowercase somewhere: likely a common word.</summary>
    Lowercase = 1 << 1,
}
