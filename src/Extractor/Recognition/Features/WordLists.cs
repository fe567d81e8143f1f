using Extractor.Knowledge;

namespace Extractor.Recognition.Features;

/// <summary>Tests whether a word is in one of the project's lists.</summary>
internal delegate bool WordTest(ReadOnlySpan<char> word);

/// <summary>The word lists the tagger consults, as features (never as hard rules: the model weighs them).</summary>
internal sealed class WordLists
{
    private readonly (WordTest Test, GazetteerHits Hit)[] _tests;

    /// <summary>Creates a lexicon from one membership test per list.</summary>
    public WordLists(WordTest firstName, WordTest personTitle, WordTest country, WordTest demonym,
        WordTest orgSuffix, WordTest orgKeyword, WordTest locationKeyword)
    {
        _tests =
        [
            (firstName, GazetteerHits.FirstName), (personTitle, GazetteerHits.PersonTitle),
            (country, GazetteerHits.Country), (demonym, GazetteerHits.Demonym),
            (orgSuffix, GazetteerHits.OrgSuffix), (orgKeyword, GazetteerHits.OrgKeyword),
            (locationKeyword, GazetteerHits.LocationKeyword),
        ];
    }

    private static readonly Lazy<WordLists> LazyDefault = new(() => From(Gazetteers.Default));

    /// <summary>The project's shipped word lists (<see cref="Gazetteers.Default"/>).</summary>
    public static WordLists Default => LazyDefault.Value;

    /// <summary>A lexicon over the lists of <paramref name="g"/>.</summary>
    public static WordLists From(Gazetteers g) =>
        new(g.IsFirstName, g.IsPersonTitle, g.IsCountryName, g.IsDemonym, g.IsOrgSuffix, g.IsOrgKeyword, g.IsLocationKeyword);

    /// <summary>Multi-word name lists matched at every token (world places, subdivisions…); null when none.</summary>
    /// <remarks>Unlike the word lists, these travel inside the model that was trained with them.</remarks>
    public PhraseLists? Lists { get; private init; }

    /// <summary>This lexicon with <paramref name="lists"/> as its phrase lists.</summary>
    public WordLists WithLists(PhraseLists? lists) => new(_tests) { Lists = lists };

    private WordLists((WordTest Test, GazetteerHits Hit)[] tests) => _tests = tests;

    internal GazetteerHits Hits(ReadOnlySpan<char> word)
    {
        var hits = GazetteerHits.None;
        foreach (var (test, hit) in _tests)
            if (test(word)) hits |= hit;
        return hits;
    }
}
