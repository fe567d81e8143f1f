namespace Extractor.Knowledge;

/// <summary>
/// Finds the titles, ranks and honorifics that lead a person's name (<c>Vice President</c>, <c>Brig. Gen.</c>,
/// <c>Emir Sheikh</c>), with a country or demonym before a title (<c>U.S. President</c>, <c>Qatari Emir</c>).
/// </summary>
/// <remarks>Phrases come from <c>person_titles.txt</c>; words compare ignoring case and a final period, so
/// <c>Gen</c>, <c>Gen.</c> and <c>GEN.</c> are one rank. Shared by the span rules (which move a title out of a
/// tagged name) and by resolution (which strips one from a name), so both follow one list. Immutable.</remarks>
internal sealed class TitlePhrases
{
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _byLastWord;
    private readonly CountryTable _countries;

    public TitlePhrases(IReadOnlyList<string> phrases, CountryTable countries)
    {
        // A one-letter title ("M." for Monsieur) reads the same as an initial ("M. Atherton"), so it never counts.
        var titles = phrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length > 1 || words[0].TrimEnd('.').Length > 1)
            .OrderByDescending(words => words.Length)
            .ToArray();
        // Grouped by first and by last word, longest first within each group: a lookup then tries only the phrases that
        // can match there, in the order a scan of the whole list would (trying all of them at every word of every
        // mention was 2.5% of a batch run's time).
        _byFirstWord = ByWord(titles, t => t[0]);
        _byLastWord = ByWord(titles, t => t[^1]);
        _countries = countries;
    }

    /// <summary>The titles of the shipped lists.</summary>
    public static TitlePhrases Default => LazyDefault.Value;

    private static readonly Lazy<TitlePhrases> LazyDefault = new(() => new TitlePhrases(Gazetteers.Default.PersonTitlePhrases, CountryTable.Default));

    /// <summary>How many leading <paramref name="words"/> are titles (and countries before titles), always leaving
    /// at least one word: a span that is only <c>President</c> keeps it.</summary>
    public int LeadingLength(IReadOnlyList<string> words)
    {
        int start = 0;
        while (start < words.Count)
        {
            int title = TitleLengthAt(words, start);
            if (title > 0 && start + title < words.Count)
            {
                start += title;
                continue;
            }
            // A country only counts before a title, and at most three words long: unless a title starts within the three
            // words after this one, the country look-ups (a joined string and two normalized keys each) are skipped.
            int country = TitleWithin(words, start + 1, 3) ? CountryLengthAt(words, start) : 0;
            int following = country > 0 ? TitleLengthAt(words, start + country) : 0;
            if (following > 0 && start + country + following < words.Count)
            {
                start += country + following;
                continue;
            }
            break;
        }
        return start;
    }

    /// <summary>How many of the <paramref name="words"/> before index <paramref name="end"/> form the longest title phrase
    /// that ends there (<c>Secretary of State</c>, <c>Defense Secretary</c>), or 0.</summary>
    public int TrailingLength(IReadOnlyList<string> words, int end)
    {
        if (end == 0 || !_byLastWord.TryGetValue(words[end - 1].AsSpan().TrimEnd('.'), out string[][]? titles)) return 0;
        foreach (string[] title in titles)
        {
            int start = end - title.Length;
            if (start < 0) continue;
            bool match = true;
            for (int i = 0; i < title.Length && match; i++) match = SameTitleWord(words[start + i], title[i]);
            if (match) return title.Length;
        }
        return 0;
    }

    /// <summary>True when <paramref name="word"/> is the last word of a title phrase (<c>Secretary</c>, <c>General</c>).</summary>
    public bool EndsTitle(ReadOnlySpan<char> word) => _byLastWord.ContainsKey(word.TrimEnd('.'));

    /// <summary>True when a title phrase starts with <paramref name="word"/>: a cheap test before building word lists.</summary>
    public bool MayStartTitle(ReadOnlySpan<char> word) => _byFirstWord.ContainsKey(word.TrimEnd('.'));

    private static Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> ByWord(string[][] titles, Func<string[], string> word) =>
        titles.GroupBy(t => word(t).TrimEnd('.'), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private int TitleLengthAt(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count || !_byFirstWord.TryGetValue(words[start].AsSpan().TrimEnd('.'), out string[][]? titles)) return 0;
        foreach (string[] title in titles)
        {
            if (start + title.Length > words.Count) continue;
            bool match = true;
            for (int i = 0; i < title.Length && match; i++) match = SameTitleWord(words[start + i], title[i]);
            if (match) return title.Length;
        }
        return 0;
    }

    /// <summary>Case-insensitive, and <c>Gen</c> equals <c>Gen.</c>.</summary>
    private static bool SameTitleWord(ReadOnlySpan<char> word, string title) =>
        word.TrimEnd('.').Equals(title.AsSpan().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a title phrase starts at one of the <paramref name="count"/> words from <paramref name="from"/>.</summary>
    private bool TitleWithin(IReadOnlyList<string> words, int from, int count)
    {
        for (int i = from; i < Math.Min(words.Count, from + count); i++)
            if (TitleLengthAt(words, i) > 0) return true;
        return false;
    }

    /// <summary>Words at <paramref name="start"/> that name a country or are a demonym (up to three words).</summary>
    private int CountryLengthAt(IReadOnlyList<string> words, int start)
    {
        for (int length = Math.Min(3, words.Count - start); length > 0; length--)
        {
            string candidate = length == 1 ? words[start] : string.Join(' ', words.Skip(start).Take(length));
            if (_countries.TryResolveName(candidate, out _) || _countries.TryResolveDemonym(candidate, out _)) return length;
        }
        return 0;
    }
}
