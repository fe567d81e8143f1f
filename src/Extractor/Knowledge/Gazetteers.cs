using Extractor.Text;

namespace Extractor.Knowledge;

/// <summary>
/// Word lists the feature extractor consults (first names, person titles, organization suffixes and
/// keywords, location keywords, country names and demonyms); every check takes a token span and never allocates.
/// </summary>
/// <remarks>
/// The lists are hand-written data under <c>Resources/gazetteers/</c> (never derived from the training
/// corpus, so they do not leak its annotations); country names and demonyms come from
/// <see cref="CountryTable"/>. Keyword lists compare ignoring case. First names, country names and
/// demonyms are case-sensitive as written (so <c>turkey</c>, <c>grace</c>, <c>china</c> do not fire) but
/// also accept an ALL-CAPS token (<c>TURKEY</c>, headlines).
/// </remarks>
internal sealed class Gazetteers
{
    private const string ResourcePrefix = "Extractor.Resources.gazetteers.";

    private static readonly Lazy<Gazetteers> LazyDefault = new(() => new Gazetteers(CountryTable.Default));

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstNamesIgnoreCase;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _personTitles;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _orgSuffixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _orgKeywords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _locationKeywords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _countryWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _countryWordsIgnoreCase;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _demonyms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _demonymsIgnoreCase;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _countryNamesByLead;

    private Gazetteers(CountryTable countries)
    {
        string[] firstNames = ReadList("first_names.txt");
        string[] titles = ReadList("person_titles.txt");
        PersonTitlePhrases = titles.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToArray();

        _firstNames = Lookup(firstNames, StringComparer.Ordinal);
        _firstNamesIgnoreCase = Lookup(firstNames, StringComparer.OrdinalIgnoreCase);
        _personTitles = Lookup(titles.Where(t => !t.Contains(' ')), StringComparer.OrdinalIgnoreCase);
        _orgSuffixes = Lookup(ReadList("org_suffixes.txt"), StringComparer.OrdinalIgnoreCase);
        _orgKeywords = Lookup(ReadList("org_keywords.txt"), StringComparer.OrdinalIgnoreCase);
        _locationKeywords = Lookup(ReadList("location_keywords.txt"), StringComparer.OrdinalIgnoreCase);

        string[] countryNames = countries.Entries.SelectMany(e => e.NamesAndAliases).Distinct(StringComparer.Ordinal).ToArray();
        string[] singleWordNames = countryNames.Where(n => !n.Contains(' ')).ToArray();
        string[] demonyms = countries.Entries.SelectMany(e => e.Demonyms).Where(d => !d.Contains(' ')).ToArray();
        _countryWords = Lookup(singleWordNames, StringComparer.Ordinal);
        _countryWordsIgnoreCase = Lookup(singleWordNames, StringComparer.OrdinalIgnoreCase);
        _demonyms = Lookup(demonyms, StringComparer.Ordinal);
        _demonymsIgnoreCase = Lookup(demonyms, StringComparer.OrdinalIgnoreCase);
        _countryNamesByLead = countryNames
            .GroupBy(n => LeadingLetters(n).ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lists shipped with the library, loaded once on first use.</summary>
    public static Gazetteers Default => LazyDefault.Value;

    /// <summary>Every person title, multi-word phrases included (<c>Secretary of State</c>), longest first.</summary>
    public IReadOnlyList<string> PersonTitlePhrases { get; }

    /// <summary>A common given name: <c>Marco</c>, <c>Tamim</c>, <c>Volodymyr</c> (as written, or ALL CAPS).</summary>
    public bool IsFirstName(ReadOnlySpan<char> token) => Contains(_firstNames, _firstNamesIgnoreCase, token);

    /// <summary>A one-word title or honorific: <c>President</c>, <c>Gen.</c>, <c>Sheikh</c> (any case).</summary>
    public bool IsPersonTitle(ReadOnlySpan<char> token) => _personTitles.Contains(token);

    /// <summary>A word that ends company names: <c>Inc</c>, <c>GmbH</c>, <c>Holdings</c> (any case).</summary>
    public bool IsOrgSuffix(ReadOnlySpan<char> token) => _orgSuffixes.Contains(token);

    /// <summary>A word typical of organization names: <c>Ministry</c>, <c>Party</c>, <c>FC</c> (any case).</summary>
    public bool IsOrgKeyword(ReadOnlySpan<char> token) => _orgKeywords.Contains(token);

    /// <summary>A word typical of place names: <c>River</c>, <c>Province</c>, <c>Strait</c> (any case).</summary>
    public bool IsLocationKeyword(ReadOnlySpan<char> token) => _locationKeywords.Contains(token);

    /// <summary>A one-token country name or alias: <c>Qatar</c>, <c>U.S.</c>, <c>Türkiye</c> (as written, or ALL CAPS).</summary>
    public bool IsCountryName(ReadOnlySpan<char> token) => Contains(_countryWords, _countryWordsIgnoreCase, token);

    /// <summary>A one-token demonym: <c>Israeli</c>, <c>Palestinians</c>, <c>French</c> (as written, or ALL CAPS).</summary>
    public bool IsDemonym(ReadOnlySpan<char> token) => Contains(_demonyms, _demonymsIgnoreCase, token);

    /// <summary>
    /// The number of tokens, starting at <paramref name="index"/>, that spell a country name or alias
    /// exactly as written (<c>United States</c>, <c>Bosnia and Herzegovina</c>, <c>U.S.</c>); 0 when none.
    /// The longest match wins. A space in the name must be whitespace between tokens; any other
    /// character must be inside a token or between adjacent tokens, so tokenizer splits do not matter.
    /// </summary>
    public int MatchCountryAt(string text, ReadOnlySpan<Token> tokens, int index)
    {
        if ((uint)index >= (uint)tokens.Length)
        {
            return 0;
        }
        ReadOnlySpan<char> lead = LeadingLetters(tokens[index].Of(text));
        if (lead.IsEmpty || !_countryNamesByLead.TryGetValue(lead, out string[]? candidates))
        {
            return 0;
        }
        foreach (string name in candidates)
        {
            int count = MatchTokens(text, tokens, index, name);
            if (count > 0)
            {
                return count;
            }
        }
        return 0;
    }

    private static int MatchTokens(string text, ReadOnlySpan<Token> tokens, int index, string name)
    {
        int position = 0;
        for (int i = index; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> token = tokens[i].Of(text);
            if (!name.AsSpan(position).StartsWith(token, StringComparison.Ordinal))
            {
                return 0;
            }
            position += token.Length;
            if (position == name.Length)
            {
                return i - index + 1;
            }
            if (i + 1 == tokens.Length)
            {
                return 0;
            }
            bool gap = tokens[i + 1].Start > tokens[i].End;
            if (name[position] == ' ')
            {
                if (!gap)
                {
                    return 0;
                }
                position++;
            }
            else if (gap)
            {
                return 0;
            }
        }
        return 0;
    }

    private static ReadOnlySpan<char> LeadingLetters(ReadOnlySpan<char> text)
    {
        int length = 0;
        while (length < text.Length && char.IsLetter(text[length]))
        {
            length++;
        }
        return text[..length];
    }

    private static bool Contains(
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> asWritten,
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ignoreCase,
        ReadOnlySpan<char> token) =>
        asWritten.Contains(token) || (IsAllCaps(token) && ignoreCase.Contains(token));

    private static bool IsAllCaps(ReadOnlySpan<char> token)
    {
        bool anyLetter = false;
        foreach (char c in token)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            anyLetter |= char.IsLetter(c);
        }
        return anyLetter;
    }

    // Plain hash sets, not frozen ones: freezing analyses the keys at a cost of 2-8 ms a list at every start-up
    // (about 20 ms for these eleven), while lookups happen once per word type and gain nothing measurable.
    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IEnumerable<string> items, StringComparer comparer) =>
        new HashSet<string>(items, comparer).GetAlternateLookup<ReadOnlySpan<char>>();

    private static string[] ReadList(string file) => EmbeddedResources.ReadList(ResourcePrefix + file);
}
