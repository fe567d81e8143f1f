using Extractor.Knowledge;
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
    private readonly TitlePhrases _titles;

    public PersonNames(TitlePhrases titles)
    {
        _titles = titles;
    }

    /// <summary>The name in a cleaned surface: leading titles (and a country word before a title) removed, and a
    /// quoted nickname between name parts dropped (<c>Robert "Bob" Collins</c> → <c>Robert Collins</c>).</summary>
    public string StripTitles(string cleaned)
    {
        string[] words = cleaned.Split(' ');
        int start = _titles.LeadingLength(words);
        var kept = new List<string>(words.Length - start);
        for (int i = start; i < words.Length; i++)
        {
            bool nickname = i > start && i < words.Length - 1 && OpensQuote(words[i]);
            if (!nickname)
            {
                kept.Add(words[i]);
                continue;
            }
            int close = i;
            while (close < words.Length - 1 && !ClosesQuote(words[close])) close++;
            if (close == words.Length - 1) kept.Add(words[i]);
            else i = close;
        }
        return kept.Count == words.Length ? cleaned : string.Join(' ', kept);
    }

    private static bool OpensQuote(string word) => word.Length > 1 && word[0] is '"' or '\u201C';

    private static bool ClosesQuote(string word) => word.Length > 1 && word[^1] is '"' or '\u201D';

    /// <summary>Maps each name that should change to its canonical longer form; names absent from the map stay.</summary>
    /// <remarks>
    /// Each distinct name is indexed under each of its proper trailing parts (and, for a capitalized short form, its
    /// whole text case-folded), so a short name finds the longer names ending with it in one look-up: time linear in
    /// the names' words, where comparing every pair took 37 s for 120,000 distinct names in one document. The longer
    /// names form one chain exactly when each of them is a trailing part of the longest, which must be unique.
    /// </remarks>
    public Dictionary<string, string> CanonicalNames(IReadOnlyList<string> names)
    {
        string[][] original = names.Distinct(StringComparer.Ordinal).Select(n => n.Split(' ')).ToArray();
        // Particles compare ignoring case ("Van Bommel" at a sentence start is "Mark van Bommel"): they are folded in
        // the keys, and the map gives the original spelling.
        string[][] distinct = original.Select(FoldParticles).ToArray();
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
        for (int n = 0; n < distinct.Length; n++)
        {
            // A name in capitals (a headline's "RUBIO", "DONALD TRUMP") also matches the mixed-case names of the body.
            string text = string.Join(' ', distinct[n]);
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
                map[string.Join(' ', original[n])] = string.Join(' ', original[longest]);
            }
        }
        return map;
    }

    private static string[] FoldParticles(string[] words)
    {
        if (SurfaceText.IsAllCaps(string.Join(' ', words))) return words;
        string[]? folded = null;
        for (int i = 0; i < words.Length; i++)
        {
            if (words.Length > 1 && NameWords.Default.IsParticle(words[i]) && !words[i].Equals(words[i].ToLowerInvariant(), StringComparison.Ordinal))
                (folded ??= (string[])words.Clone())[i] = words[i].ToLowerInvariant();
        }
        return folded ?? words;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int name)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || list[^1] != name) list.Add(name);
    }

    private static bool EndsWith(string[] name, string[] suffix, StringComparer comparer) =>
        name.AsSpan(name.Length - suffix.Length).SequenceEqual(suffix, comparer);
}
