using Extractor.Lexicons;
namespace Extractor.Resolution;

/// <summary>
/// Canonical person names: titles stripped from each mention, then a bare surname (or trailing part of a
/// name) replaced by the document's one longer name that ends with it.
/// </summary>
/// <remarks>
/// <para>Titles are never part of a name. Leading title phrases from <c>person_titles.txt</c> are removed
/// repeatedly, longest phrase first, case-insensitively and with or without a final period
/// (<c>Vice President JD Vance</c> → <c>JD Vance</c>; <c>Emir Sheikh Tamim bin Hamad al-Thani</c> →
/// <c>Tamim bin Hamad al-Thani</c>). A country name or demonym directly before a title goes with it
/// (<c>U.S. President Donald Trump</c>, <c>Colombian President Gustavo Petro</c>). A title is only removed
/// when a name remains, so a span that is only <c>President</c> keeps its text.</para>
/// <para><c>Sheikh</c> is treated as an honorific and removed, like the other titles: it is not part of the
/// person's name in reference usage (<c>Tamim bin Hamad al-Thani</c>), and keeping it would split
/// <c>Sheikh Tamim</c> from <c>Tamim</c>. The known cost is names where Sheikh is a given name
/// (<c>Sheikh Hasina</c> → <c>Hasina</c>, which is also how news refers to her).</para>
/// <para>Merging: a name of <c>k</c> words that equals the last <c>k</c> words of longer person names in the
/// same document takes the longest one (<c>Rubio</c> → <c>Marco Rubio</c>). When the longer names ending
/// with it are not one chain (two different Smiths, or <c>Donald Trump</c> and <c>Donald J. Trump</c>) the
/// short form is kept — a wrong merge is worse than a missed one. First names never match, because only
/// trailing words are compared.</para>
/// </remarks>
internal sealed class PersonNames
{
    private readonly string[][] _titles;
    private readonly CountryTable _countries;

    public PersonNames(IReadOnlyList<string> titlePhrases, CountryTable countries)
    {
        _titles = titlePhrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .OrderByDescending(words => words.Length)
            .ToArray();
        _countries = countries;
    }

    /// <summary>Removes leading titles (and a country word before a title) from a cleaned surface.</summary>
    public string StripTitles(string cleaned)
    {
        string[] words = cleaned.Split(' ');
        int start = 0;
        while (start < words.Length)
        {
            int title = TitleLengthAt(words, start);
            if (title > 0 && start + title < words.Length)
            {
                start += title;
                continue;
            }
            int country = CountryLengthAt(words, start);
            if (country > 0 && start + country < words.Length)
            {
                int following = TitleLengthAt(words, start + country);
                if (following > 0 && start + country + following < words.Length)
                {
                    start += country + following;
                    continue;
                }
            }
            break;
        }
        return start == 0 ? cleaned : string.Join(' ', words, start, words.Length - start);
    }

    /// <summary>Maps each name that should change to its canonical longer form; names absent from the map stay.</summary>
    /// <remarks>
    /// Each distinct name is indexed under each of its proper trailing parts (and, for a capitalized short form, its
    /// whole text case-folded), so a short name finds the longer names ending with it in one look-up: time linear in
    /// the names' words, where comparing every pair took 37 s for 120,000 distinct names in one document. The longer
    /// names form one chain exactly when each of them is a trailing part of the longest, which must be unique.
    /// </remarks>
    public Dictionary<string, string> CanonicalNames(IReadOnlyList<string> names)
    {
        string[][] distinct = names.Distinct(StringComparer.Ordinal).Select(n => n.Split(' ')).ToArray();
        var endingWith = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var endingWithFolded = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var mixedCase = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < distinct.Length; i++)
        {
            string[] words = distinct[i];
            for (int k = 1; k < words.Length; k++)
            {
                string tail = string.Join(' ', words, k, words.Length - k);
                Add(endingWith, tail, i);
                Add(endingWithFolded, tail, i);
            }
            string whole = string.Join(' ', words);
            if (!SurfaceText.IsAllCaps(whole)) Add(mixedCase, whole, i);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var longer = new List<int>();
        foreach (string[] shortName in distinct)
        {
            // A name in capitals (a headline's "RUBIO", "DONALD TRUMP") also matches the mixed-case names of the body.
            string text = string.Join(' ', shortName);
            bool capitals = SurfaceText.IsAllCaps(text);
            var comparer = capitals ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            longer.Clear();
            if ((capitals ? endingWithFolded : endingWith).TryGetValue(text, out var tails)) longer.AddRange(tails);
            if (capitals && mixedCase.TryGetValue(text, out var sameLength)) longer.AddRange(sameLength);
            if (longer.Count == 0)
            {
                continue;
            }
            // Names that are trailing parts of other candidates ("Tamim al-Thani" inside a longer "… Tamim al-Thani")
            // drop out; what remains must be a single name, otherwise the short form is ambiguous and stays.
            int longest = longer[0];
            bool tie = false;
            foreach (int l in longer)
            {
                if (distinct[l].Length > distinct[longest].Length) (longest, tie) = (l, false);
                else if (l != longest && distinct[l].Length == distinct[longest].Length) tie = true;
            }
            if (!tie && longer.TrueForAll(l => EndsWith(distinct[longest], distinct[l], comparer)))
            {
                map[text] = string.Join(' ', distinct[longest]);
            }
        }
        return map;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int name)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || list[^1] != name) list.Add(name);
    }

    private static bool EndsWith(string[] name, string[] suffix, StringComparer comparer) =>
        name.AsSpan(name.Length - suffix.Length).SequenceEqual(suffix, comparer);

    private int TitleLengthAt(string[] words, int start)
    {
        foreach (string[] title in _titles)
        {
            if (start + title.Length > words.Length)
            {
                continue;
            }
            bool match = true;
            for (int i = 0; i < title.Length && match; i++)
            {
                match = SameTitleWord(words[start + i], title[i]);
            }
            if (match)
            {
                return title.Length;
            }
        }
        return 0;
    }

    /// <summary>Case-insensitive, and <c>Gen</c> equals <c>Gen.</c>.</summary>
    private static bool SameTitleWord(string word, string title) =>
        word.AsSpan().TrimEnd('.').Equals(title.AsSpan().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Words at <paramref name="start"/> that name a country or are a demonym (up to three words).</summary>
    private int CountryLengthAt(string[] words, int start)
    {
        for (int length = Math.Min(3, words.Length - start); length > 0; length--)
        {
            string candidate = string.Join(' ', words, start, length);
            if (_countries.TryResolveName(candidate, out _) || _countries.TryResolveDemonym(candidate, out _))
            {
                return length;
            }
        }
        return 0;
    }
}
