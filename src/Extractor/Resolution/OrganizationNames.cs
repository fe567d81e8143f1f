using Extractor.Knowledge;
namespace Extractor.Resolution;

/// <summary>
/// Canonical organization names within one document: acronyms joined to their expansion, and a name
/// joined to the same name with a leading country.
/// </summary>
/// <remarks>
/// <para>Each mention's name has already lost a leading "the"/"The" and a possessive
/// (<c>the State Department’s</c> → <c>State Department</c>).</para>
/// <para>Acronyms: a name with no spaces whose letters, dots removed, are all capitals (<c>UN</c>,
/// <c>U.N.</c>, <c>NATO</c>) joins the one multi-word organization name in the document whose initials
/// match — the first letters of its capitalized words, ignoring <c>of</c>, <c>the</c>, <c>and</c>,
/// <c>for</c> (<c>United Nations</c>, <c>North Atlantic Treaty Organization</c>). Two candidate expansions:
/// no join. The alternative, a fixed acronym dictionary, would miss local bodies and could name an
/// organization the article never mentions.</para>
/// <para>Country prefix: a name equal to another organization name minus a leading country name or alias
/// joins the longer one (<c>State Department</c> → <c>U.S. State Department</c>; <c>Foreign Ministry</c> →
/// <c>Qatar's Foreign Ministry</c>), again only when exactly one longer name qualifies. Demonym prefixes
/// are not used: <c>American Red Cross</c> and <c>Red Cross</c> are different organizations.</para>
/// <para>The canonical name is the longer, expanded form; the acronym rule is applied first, then the prefix rule.</para>
/// </remarks>
internal static class OrganizationNames
{
    private static readonly HashSet<string> IgnoredWords = new(StringComparer.Ordinal) { "of", "the", "and", "for", "&" };

    /// <summary>Maps each name that should change to its canonical form; names absent from the map stay.</summary>
    /// <remarks>The names are indexed once by their initials and by what follows a leading country name, so each name
    /// is resolved by look-ups: time linear in the names, where scanning every name for every other was quadratic.</remarks>
    public static Dictionary<string, string> CanonicalNames(IReadOnlyList<string> names, CountryTable countries)
    {
        string[] distinct = names.Distinct(StringComparer.Ordinal).ToArray();
        var byInitials = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byTailAfterCountry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in distinct)
        {
            if (Initials(name) is { } initials) Add(byInitials, initials, name);
            IndexCountryPrefix(byTailAfterCountry, name, countries);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in distinct)
        {
            string expanded = AcronymLetters(name) is { } letters && Single(byInitials, letters) is { } expansion ? expansion : name;
            string canonical = Single(byTailAfterCountry, expanded) ?? expanded;
            if (!string.Equals(canonical, name, StringComparison.Ordinal))
            {
                map[name] = canonical;
            }
        }
        return map;
    }

    private static void IndexCountryPrefix(Dictionary<string, List<string>> byTailAfterCountry, string name, CountryTable countries)
    {
        for (int space = name.IndexOf(' '); space > 0; space = name.IndexOf(' ', space + 1))
        {
            if (space + 1 < name.Length && countries.TryResolveName(name.AsSpan(0, space), out _))
                Add(byTailAfterCountry, name[(space + 1)..], name);
        }
    }

    private static void Add(Dictionary<string, List<string>> index, string key, string name)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(name);
    }

    /// <summary>The one name under <paramref name="key"/>, or null when there is none or more than one (ambiguous).</summary>
    private static string? Single(Dictionary<string, List<string>> index, string key) =>
        index.TryGetValue(key, out var list) && list.Count == 1 ? list[0] : null;

    /// <summary>Guideline O3: an outlet's byline is the outlet (<c>Rokna Political Desk</c> → <c>Rokna</c>,
    /// <c>Reuters Newsroom</c> → <c>Reuters</c>); a name that is only desk words (<c>News Desk</c>) stays.</summary>
    internal static string WithoutByline(string name)
    {
        string[] words = name.Split(' ');
        if (words.Length < 2 || !NameWords.EndsByline(words[^1])) return name;
        int keep = words.Length - 1;
        while (keep > 0 && NameWords.Default.IsDeskWord(words[keep - 1])) keep--;
        return keep == 0 ? name : string.Join(' ', words, 0, keep);
    }

    /// <summary>The acronym's letters (<c>U.N.</c> → <c>UN</c>), or null when the name is not an acronym.</summary>
    internal static string? AcronymLetters(string name)
    {
        string letters = name.Replace(".", "", StringComparison.Ordinal);
        if (letters.Length is < 2 or > 10)
        {
            return null;
        }
        foreach (char c in letters)
        {
            if (!char.IsUpper(c))
            {
                return null;
            }
        }
        return letters;
    }

    /// <summary>Initials of the capitalized words, ignoring of/the/and/for; null for one-word names.</summary>
    internal static string? Initials(string name)
    {
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }
        var initials = new System.Text.StringBuilder(words.Length);
        foreach (string word in words)
        {
            if (!IgnoredWords.Contains(word) && char.IsUpper(word[0]))
            {
                initials.Append(word[0]);
            }
        }
        return initials.Length >= 2 ? initials.ToString() : null;
    }
}
