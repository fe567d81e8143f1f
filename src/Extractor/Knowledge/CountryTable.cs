
namespace Extractor.Knowledge;

/// <summary>
/// The country table (<c>Resources/resolution/countries.tsv</c>): maps a span the model already tagged
/// to a country by its name, an alias (<c>U.S.</c>, <c>Britain</c>, <c>DPRK</c>) or a demonym (<c>Israeli</c>).
/// </summary>
/// <remarks>
/// Matching is exact after <see cref="SurfaceText.Key"/> (whitespace, apostrophes, diacritics, a leading
/// "the", a trailing possessive). Case is respected — lowercase <c>turkey</c>, <c>chad</c>, <c>china</c>
/// never resolve — except that an ALL-CAPS surface (<c>TURKEY</c>, a headline) is compared ignoring case.
/// The table never searches free text: deciding that a word is a place is the model's job.
/// </remarks>
internal sealed class CountryTable
{
    /// <summary>The embedded resource holding the table.</summary>
    public const string ResourceName = "Extractor.Resources.resolution.countries.tsv";

    private static readonly Lazy<CountryTable> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, Country> _names;
    private readonly Dictionary<string, Country> _namesIgnoreCase;
    private readonly Dictionary<string, Country> _demonyms;
    private readonly Dictionary<string, Country> _demonymsIgnoreCase;

    private CountryTable(IReadOnlyList<CountryEntry> entries)
    {
        Entries = entries;
        All = entries.Select(e => e.Country).ToArray();
        _names = BuildIndex(entries, e => e.NamesAndAliases, StringComparer.Ordinal);
        _namesIgnoreCase = BuildIndex(entries, e => e.NamesAndAliases, StringComparer.OrdinalIgnoreCase);
        _demonyms = BuildIndex(entries, e => e.Demonyms, StringComparer.Ordinal);
        _demonymsIgnoreCase = BuildIndex(entries, e => e.Demonyms, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The table shipped with the library, loaded once on first use.</summary>
    public static CountryTable Default => LazyDefault.Value;

    /// <summary>Every country in file order (ISO 3166-1 order, Kosovo last).</summary>
    public IReadOnlyList<Country> All { get; }

    /// <summary>The rows with their alias and demonym lists, for the gazetteers and tests.</summary>
    internal IReadOnlyList<CountryEntry> Entries { get; }

    /// <summary>Resolves a surface that is exactly a country's name or alias (never a demonym).</summary>
    public bool TryResolveName(ReadOnlySpan<char> surface, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country) =>
        TryResolve(surface, _names, _namesIgnoreCase, out country);

    /// <summary>Resolves a surface that is exactly a demonym (<c>Israeli</c>, <c>Palestinians</c>, <c>Briton</c>).</summary>
    public bool TryResolveDemonym(ReadOnlySpan<char> surface, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country) =>
        TryResolve(surface, _demonyms, _demonymsIgnoreCase, out country);

    /// <summary>Parses the tab-separated table; lines starting with <c>#</c> and blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A row does not have five columns.</exception>
    internal static CountryTable Parse(TextReader reader)
    {
        var entries = new List<CountryEntry>(256);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            string[] columns = line.Split('\t');
            if (columns.Length != 5)
            {
                throw new InvalidDataException($"{ResourceName}, line {lineNumber}: expected 5 tab-separated columns, found {columns.Length}.");
            }
            var country = new Country(columns[0], columns[1], columns[2]);
            string[] aliases = SplitList(columns[3]);
            entries.Add(new CountryEntry(country, [country.Name, .. aliases], SplitList(columns[4])));
        }
        return new CountryTable(entries);
    }

    private static CountryTable LoadEmbedded()
    {
        using StreamReader reader = EmbeddedResources.OpenText(ResourceName);
        return Parse(reader);
    }

    private static string[] SplitList(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryResolve(
        ReadOnlySpan<char> surface,
        Dictionary<string, Country> exact,
        Dictionary<string, Country> ignoreCase,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country)
    {
        string key = SurfaceText.Key(surface);
        if (exact.TryGetValue(key, out country))
        {
            return true;
        }
        return SurfaceText.IsAllCaps(key) && ignoreCase.TryGetValue(key, out country);
    }

    /// <summary>Indexes every form by its lookup key; a key claimed by two countries is dropped as ambiguous.</summary>
    private static Dictionary<string, Country> BuildIndex(
        IReadOnlyList<CountryEntry> entries, Func<CountryEntry, IReadOnlyList<string>> forms, StringComparer comparer)
    {
        var index = new Dictionary<string, Country>(comparer);
        var ambiguous = new HashSet<string>(comparer);
        foreach (CountryEntry entry in entries)
        {
            foreach (string form in forms(entry))
            {
                string key = SurfaceText.Key(form);
                if (index.TryGetValue(key, out Country? existing) && existing != entry.Country)
                {
                    ambiguous.Add(key);
                }
                index[key] = entry.Country;
            }
        }
        foreach (string key in ambiguous)
        {
            index.Remove(key);
        }
        // Left a plain dictionary: freezing four of these cost ~10 ms at every start-up for lookups made once per mention.
        return index;
    }
}

/// <summary>One row of the country table: the country, its name followed by its aliases, and its demonyms.</summary>
internal sealed record CountryEntry(Country Country, IReadOnlyList<string> NamesAndAliases, IReadOnlyList<string> Demonyms);
