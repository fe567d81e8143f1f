using Extractor.Knowledge;
using Extractor.Text;

namespace Extractor.Resolution;

/// <summary>
/// The role and affiliation the text gives a person where it names them (docs/annotation-guidelines.md, R1 to R4):
/// a title before the name (<c>Defense Secretary Pete Hegseth</c>, <c>Bank of England Governor Andrew Bailey</c>),
/// an appositive after it (<c>Tim Cook, Apple's chief executive,</c>) or before it (<c>A spokesman for the Kremlin,
/// Dmitry Peskov,</c>). The affiliation is an organization, country or place mention next to the role, or a demonym,
/// as that entity's canonical name in the document (an organization known by a short form alone given in full).
/// </summary>
/// <remarks>Rules over the words around each person mention, within its line: they never change a span, a kind or a
/// name, only add two fields. Work is per person mention, never per token. Immutable and shared.</remarks>
internal sealed class PersonRoles(TitlePhrases titles, RoleWords roleWords, CountryTable countries)
{
    /// <summary>The rules over the shipped lists.</summary>
    public static PersonRoles Default => LazyDefault.Value;

    private static readonly Lazy<PersonRoles> LazyDefault = new(() => new PersonRoles(TitlePhrases.Default, RoleWords.Default, CountryTable.Default));

    /// <summary>How far around a name the rules look (characters), and the most words an appositive may hold.</summary>
    private const int Reach = 300, MaxAppositiveWords = 14, MaxRoleWords = 6;

    /// <summary>Words that stop a role read leftwards from a name: they are never its qualifier (<c>Monday President Trump</c>).</summary>
    private static readonly HashSet<string> NotQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "but", "or", "on", "in", "at", "as", "by", "for", "of", "to", "with", "from", "after", "before",
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>Lowercase words that end a role read rightwards: the clause goes on with something else.</summary>
    private static readonly HashSet<string> RoleStops = new(StringComparer.Ordinal)
    {
        "of", "for", "at", "in", "on", "who", "whom", "whose", "which", "that", "and", "or", "but", "to", "with", "from", "by",
        "since", "said", "says", "told", "has", "had", "have", "is", "was", "will", "would", "as", "than", "the", "a", "an",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "his", "her", "their", "our" };

    private static readonly HashSet<string> Links = new(StringComparer.Ordinal) { "of", "for", "at" };

    /// <summary>The roles and affiliations of the person mentions of <paramref name="resolved"/> (one document, text
    /// order, canonical names final) that have one: the mention's index, its role and its affiliation.</summary>
    public List<(int Index, string Role, string Affiliation)> Find(string text, IReadOnlyList<ResolvedMention> resolved) =>
        Find(text, resolved, LineWrapping.WrapWidth(text));

    /// <summary>As <see cref="Find(string, IReadOnlyList{ResolvedMention})"/> on part of a document, <paramref name="text"/>
    /// holding every character the rules read around its persons, with the whole document's <paramref name="wrapWidth"/>.</summary>
    public List<(int Index, string Role, string Affiliation)> Find(string text, IReadOnlyList<ResolvedMention> resolved, int wrapWidth)
    {
        var found = new List<(int, string, string)>();
        if (!resolved.Any(r => r.Kind == EntityKind.Person)) return found;
        Dictionary<int, int>? byStart = null, byEnd = null;
        for (int i = 0; i < resolved.Count; i++)
        {
            ResolvedMention r = resolved[i];
            if (r.Kind is not (EntityKind.Organization or EntityKind.Country or EntityKind.Location)) continue;
            (byStart ??= []).TryAdd(r.Mention.Start, i);
            (byEnd ??= []).TryAdd(r.Mention.End, i);
        }
        var context = new Context(text, resolved, byStart ?? [], byEnd ?? [], new MentionEdges(resolved), wrapWidth);
        for (int i = 0; i < resolved.Count; i++)
        {
            ResolvedMention r = resolved[i];
            if (r.Kind != EntityKind.Person) continue;
            var m = r.Mention;
            var title = Before(context, m.Start);
            if (title.Role.Length > 0 && title.Affiliation.Length == 0) title.Affiliation = AffiliationAfter(context, m.End);
            // An appositive can only win over a title that names no body: read it only then.
            (string Role, string Affiliation) appositive = title.Affiliation.Length > 0 ? ("", "") : AppositiveAfter(context, m.End);
            if (appositive.Role.Length == 0 && title.Affiliation.Length == 0) appositive = AppositiveBefore(context, m.Start);
            // A rank alone before the name says less than an appositive that names the body: "Gen. Dan Caine, chairman of
            // the Joint Chiefs of Staff," is the chairman of the Joint Chiefs; otherwise the title before the name wins.
            // R4: an organization the document names only by a short form (EU) is given by its full name (a document
            // that spells it out has already made the full name the canonical one).
            var chosen = title.Role.Length == 0 || (title.Affiliation.Length == 0 && appositive.Affiliation.Length > 0) ? appositive : title;
            if (chosen.Role.Length > 0) found.Add((i, chosen.Role, roleWords.FullName(chosen.Affiliation)));
        }
        return found;
    }

    /// <summary>One document's text and mentions; where its organizations, countries and places start and end; and where
    /// any mention starts or ends (persons included: a name is never part of a role).</summary>
    /// <remarks><c>Width</c> is the column the text is hard-wrapped at, 0 if it is not: a wrap is no line end for a role.</remarks>
    private readonly record struct Context(string Text, IReadOnlyList<ResolvedMention> Resolved, Dictionary<int, int> ByStart, Dictionary<int, int> ByEnd, MentionEdges Edges, int Width);

    private readonly record struct Word(int Start, int End);

    /// <summary>R1: title words right before the name (honorifics skipped), with modifiers and up to two capitalized
    /// qualifiers before a title (<c>former Homeland Security Secretary</c>); the word before them may be the affiliation.</summary>
    private (string Role, string Affiliation) Before(Context c, int start)
    {
        // A role, its honorifics and its affiliation fit in the last few words: read no further back than that.
        var words = WordsBefore(c, start, MaxRoleWords + 4);
        int end = WithoutHonorifics(c, words);
        // Most names have no title, and the words' strings are not worth making for them (a third of this class's time
        // on the benchmark corpus).
        if (!MayEndTitle(c, words, end)) return ("", "");
        var strings = words.Select(w => c.Text[w.Start..w.End]).ToList();
        int k = end, qualifiers = 0;
        bool title = false;
        while (k > 0 && end - k < MaxRoleWords)
        {
            string word = strings[k - 1];
            if (EndsClause(word)) break;
            int length = titles.TrailingLength(strings, k);
            // A role noun works as a title right before a name or another title: "Trump adviser Jared Kushner".
            if (length == 0 && IsLettersOrHyphens(word) && roleWords.IsHead(word)) length = 1;
            if (length > 0 && HonorificLength(c, words, k) != length)
            {
                k -= length;
                title = true;
                continue;
            }
            if (title && roleWords.IsModifier(word))
            {
                k--;
                continue;
            }
            if (title && qualifiers < 2 && IsQualifier(c, words[k - 1], word) && Demonym(word) is null)
            {
                k--;
                qualifiers++;
                continue;
            }
            break;
        }
        if (!title) return ("", "");
        // Lowercase words before the title belong to it when an affiliation stands right before them: "EU foreign
        // policy chief Kaja Kallas" (but "said foreign policy chief" keeps "chief": "said" is no affiliation).
        int extended = k;
        while (extended > 0 && k - extended < 3 && IsLowercaseRoleWord(strings[extended - 1])) extended--;
        if (extended < k && extended > 0 && !EndsClause(strings[extended - 1])
            && AffiliationEndingAt(c, words, extended - 1, strings[extended - 1]).Name.Length > 0) k = extended;
        string role = Spaced(c.Text, words[k].Start, words[end - 1].End);
        if (k == 0 || EndsClause(strings[k - 1])) return (role, "");
        var (affiliation, from) = AffiliationEndingAt(c, words, k - 1, strings[k - 1]);
        // A modifier before the affiliation still qualifies the role: "Former British Prime Minister" is a former one.
        var modifiers = new List<string>();
        for (int m = from - 1; affiliation.Length > 0 && m >= 0 && !EndsClause(strings[m]) && roleWords.IsModifier(strings[m]); m--) modifiers.Insert(0, strings[m]);
        return (modifiers.Count > 0 ? string.Join(' ', modifiers) + " " + role : role, affiliation);
    }

    /// <summary>How many of the <paramref name="words"/> before a name are left once the honorifics right before it
    /// (<c>Mr</c>, <c>His Excellency</c>) are skipped, up to a word that ends a clause.</summary>
    private int WithoutHonorifics(Context c, List<Word> words)
    {
        int end = words.Count;
        while (end > 0 && !EndsClause(Of(c, words[end - 1])))
        {
            int honorific = HonorificLength(c, words, end);
            if (honorific == 0) break;
            end -= honorific;
        }
        return end;
    }

    /// <summary>Whether the loop of <see cref="Before"/> can find a title before word <paramref name="end"/>: that word
    /// must end a title phrase or be a role noun, and must not end a clause. Read on the text, without a string per word.</summary>
    private bool MayEndTitle(Context c, List<Word> words, int end)
    {
        if (end == 0) return false;
        var word = Of(c, words[end - 1]);
        return !EndsClause(word) && (titles.EndsTitle(word) || roleWords.IsHead(word));
    }

    private static ReadOnlySpan<char> Of(Context c, Word word) => c.Text.AsSpan(word.Start, word.End - word.Start);

    /// <summary>How many words before <paramref name="end"/> are an honorific (<c>Mr.</c>, <c>His Excellency</c>).</summary>
    private int HonorificLength(Context c, List<Word> words, int end)
    {
        if (end >= 2)
        {
            var first = Of(c, words[end - 2]);
            var second = Of(c, words[end - 1]);
            Span<char> phrase = stackalloc char[64];
            if (first.Length + second.Length < phrase.Length)
            {
                first.CopyTo(phrase);
                phrase[first.Length] = ' ';
                second.CopyTo(phrase[(first.Length + 1)..]);
                if (roleWords.IsHonorific(phrase[..(first.Length + second.Length + 1)])) return 2;
            }
            else if (roleWords.IsHonorific(string.Concat(first, " ", second))) return 2;
        }
        return end >= 1 && roleWords.IsHonorific(Of(c, words[end - 1])) ? 1 : 0;
    }

    /// <summary>R1's affiliation written after the name: <c>Director Jane Roe of the FBI</c>.</summary>
    private string AffiliationAfter(Context c, int end)
    {
        var words = Words(c.Text, end, Math.Min(LineEnd(c, end), end + 80));
        if (words.Count < 2 || words[0].Start != end + 1 || c.Text[words[0].Start..words[0].End] is not ("of" or "at")) return "";
        int j = 1;
        if (c.Text[words[j].Start..words[j].End] is "the" && words.Count > 2) j++;
        return EntityStartingAt(c, words.Select(w => Trimmed(c.Text, w)).ToList(), j) is { Possessive: false } entity ? entity.Name : "";
    }

    /// <summary>R2: <c>NAME, [the] [AFFILIATION's] role [of|for|at [the] AFFILIATION],</c> up to the end of the clause.</summary>
    private (string Role, string Affiliation) AppositiveAfter(Context c, int end)
    {
        int at = end;
        if (at >= c.Text.Length || c.Text[at] != ',') return ("", "");
        var words = Words(c.Text, at + 1, Math.Min(LineEnd(c, at), at + Reach));
        int count = 0;
        while (count < words.Count && count < MaxAppositiveWords && !EndsClause(Of(c, words[count]))) count++;
        if (count == words.Count || count == MaxAppositiveWords) return ("", "");
        // The word that ends the clause belongs to the appositive, without its mark.
        words[count] = Trimmed(c.Text, words[count]);
        return Parse(c, words.GetRange(0, count + 1));
    }

    /// <summary>R3: <c>[The] role [of|for|at [the] AFFILIATION], NAME</c>, the appositive starting its clause.</summary>
    private (string Role, string Affiliation) AppositiveBefore(Context c, int start)
    {
        int comma = start - 1;
        while (comma >= 0 && c.Text[comma] is ' ' or '\t') comma--;
        if (comma < 0 || c.Text[comma] != ',' || comma == start - 1) return ("", "");
        int from = LineStart(c, comma);
        var words = Words(c.Text, from, comma);
        int first = words.Count;
        while (first > 0 && words.Count - first < MaxAppositiveWords && !EndsClause(Of(c, words[first - 1]))) first--;
        if (first == words.Count || (first == 0 && words.Count >= MaxAppositiveWords)) return ("", "");
        return Parse(c, words.GetRange(first, words.Count - first));
    }

    /// <summary>An appositive's words, all of them: determiners, an affiliation before the role, the role (ending in a
    /// role noun or title), and an affiliation after <c>of</c>, <c>for</c> or <c>at</c>; anything else and it is no role.</summary>
    private (string Role, string Affiliation) Parse(Context c, List<Word> words)
    {
        int i = 0, n = words.Count;
        while (i < n && IsDeterminer(c.Text[words[i].Start..words[i].End])) i++;
        string affiliation = "";
        // "Apple's chief executive", or the body as a modifier: "a Pentagon spokesman".
        if (i < n && EntityStartingAt(c, words, i) is { } prefix && prefix.Next < n)
        {
            affiliation = prefix.Name;
            i = prefix.Next;
        }
        else if (i < n && Demonym(c.Text[words[i].Start..words[i].End]) is { } country)
        {
            affiliation = country;
            i++;
        }
        int roleStart = i;
        while (i < n && i - roleStart < MaxRoleWords && IsRoleWord(c.Text[words[i].Start..words[i].End])) i++;
        int roleEnd = i;
        if (roleEnd == roleStart) return ("", "");
        string last = c.Text[words[roleEnd - 1].Start..words[roleEnd - 1].End];
        if (!roleWords.IsHead(last) && !titles.EndsTitle(last)) return ("", "");
        if (i < n && Links.Contains(c.Text[words[i].Start..words[i].End]))
        {
            int j = i + 1;
            if (j < n && c.Text[words[j].Start..words[j].End] is "the" or "The") j++;
            if (j < n && EntityStartingAt(c, words, j) is { } after && after.Next == n && !after.Possessive)
            {
                if (affiliation.Length == 0) affiliation = after.Name;
                i = n;
            }
        }
        if (i != n) return ("", "");
        return (Spaced(c.Text, words[roleStart].Start, words[roleEnd - 1].End), affiliation);
    }

    /// <summary>The organization, country or place mention that starts at word <paramref name="i"/> and ends at the end of
    /// one of the words (or before its <c>'s</c>): its canonical name, the word after it, and whether it was possessive.</summary>
    private static (string Name, int Next, bool Possessive)? EntityStartingAt(Context c, List<Word> words, int i)
    {
        if (!c.ByStart.TryGetValue(words[i].Start, out int index)) return null;
        int end = c.Resolved[index].Mention.End;
        for (int k = i; k < words.Count; k++)
        {
            if (words[k].End == end) return (c.Resolved[index].Name, k + 1, false);
            if (words[k].End == end + 2 && IsPossessiveAt(c.Text, end)) return (c.Resolved[index].Name, k + 1, true);
            if (words[k].End > end) return null;
        }
        return null;
    }

    /// <summary>The affiliation a word right before a role gives: a mention ending with it (possessive or not), or a demonym.</summary>
    /// <returns>The affiliation's name (empty when none) and the index of its first word.</returns>
    private (string Name, int First) AffiliationEndingAt(Context c, List<Word> words, int last, string text)
    {
        Word word = words[last];
        if (c.ByEnd.TryGetValue(word.End, out int index)
            || (word.End >= 2 && IsPossessiveAt(c.Text, word.End - 2) && c.ByEnd.TryGetValue(word.End - 2, out index)))
        {
            int first = last;
            while (first > 0 && words[first].Start > c.Resolved[index].Mention.Start) first--;
            return (c.Resolved[index].Name, first);
        }
        return (Demonym(text) ?? "", last);
    }

    private string? Demonym(string word)
    {
        string bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        return bare.Length > 2 && char.IsUpper(bare[0]) && countries.TryResolveDemonym(bare, out Country? country) ? country.Name : null;
    }

    /// <summary>A capitalized word before a title that is part of the role (<c>Health</c> in <c>Health Secretary</c>):
    /// no mention ends with it and it is no function word, day or month.</summary>
    private static bool IsQualifier(Context c, Word word, string text) =>
        char.IsUpper(text[0]) && IsLettersOrHyphens(text) && !NotQualifiers.Contains(text)
        && !c.Edges.Contains(word.End) && !c.Edges.Contains(word.Start);

    private static bool IsLowercaseRoleWord(string word) =>
        word.Length > 0 && char.IsLower(word[0]) && IsLettersOrHyphens(word) && !RoleStops.Contains(word);

    private bool IsRoleWord(string word)
    {
        if (word.Length == 0 || !IsLettersOrHyphens(word)) return false;
        if (char.IsLower(word[0])) return !RoleStops.Contains(word);
        return roleWords.IsHead(word) || roleWords.IsModifier(word) || titles.EndsTitle(word) || titles.MayStartTitle(word);
    }

    /// <summary>An article, a possessive pronoun, or a lowercase owner (<c>the bank's</c>): read past, never a role.</summary>
    private static bool IsDeterminer(string word) =>
        Determiners.Contains(word) || (word.Length > 2 && char.IsLower(word[0]) && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)));

    /// <summary>True when a word closes a clause: a comma, colon, quote or bracket after it, or a period that ends a
    /// sentence rather than an abbreviation (<c>U.S.</c>, <c>Gen.</c>).</summary>
    private bool EndsClause(ReadOnlySpan<char> word)
    {
        if (word.Length == 0) return true;
        char last = word[^1];
        if (last is ',' or ';' or ':' or ')' or ']' or '"' or '”' or '!' or '?' or '—' or '–') return true;
        if (word[0] is '(' or '"' or '“' or '[') return true;
        if (last != '.') return false;
        bool abbreviation = word.IndexOf('.') < word.Length - 1 || (word.Length <= 5 && char.IsUpper(word[0])) || roleWords.IsHonorific(word);
        return !abbreviation;
    }

    private static bool IsLettersOrHyphens(ReadOnlySpan<char> word)
    {
        foreach (char ch in word)
            if (!char.IsLetter(ch) && ch != '-') return false;
        return true;
    }

    private static bool IsPossessiveAt(string text, int at) =>
        at + 1 < text.Length && text[at] is '\'' or '’' && text[at + 1] == 's';

    private static Word Trimmed(string text, Word word)
    {
        int end = word.End;
        while (end > word.Start + 1 && text[end - 1] is ',' or ';' or ':' or ')' or ']' or '"' or '”' or '.' or '!' or '?' or '—' or '–') end--;
        return word with { End = end };
    }

    /// <summary>Up to <paramref name="count"/> words that end before <paramref name="at"/> on its line, in text order.</summary>
    private static List<Word> WordsBefore(Context c, int at, int count)
    {
        string text = c.Text;
        var words = new List<Word>(count);
        int i = at;
        while (words.Count < count)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t' or '\u00A0') i--;
            if (i > 0 && text[i - 1] is '\n' or '\r' && LineWrapping.IsWrapAt(text, i - 1, c.Width))
            {
                i--;
                continue;
            }
            if (i == 0 || text[i - 1] is '\n' or '\r') break;
            int end = i;
            while (i > 0 && !char.IsWhiteSpace(text[i - 1])) i--;
            words.Add(new Word(i, end));
        }
        words.Reverse();
        return words;
    }

    private static List<Word> Words(string text, int from, int to)
    {
        var words = new List<Word>();
        int i = from;
        while (i < to)
        {
            while (i < to && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < to && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) words.Add(new Word(start, i));
        }
        return words;
    }

    private static string Spaced(string text, int start, int end) => string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Where the line holding <paramref name="at"/> starts (a wrap of hard-wrapped text is no line end), looking back at most <see cref="Reach"/> characters
    /// (a document that is one 20 MB line must not be scanned once per name).</summary>
    private static int LineStart(Context c, int at)
    {
        int from = Math.Max(0, at - Reach);
        int newline = at > from ? c.Text.LastIndexOf('\n', at - 1, at - from) : -1;
        while (newline > from && LineWrapping.IsWrapAt(c.Text, newline, c.Width))
            newline = c.Text.LastIndexOf('\n', newline - 1, newline - from);
        return newline < 0 ? from : newline + 1;
    }

    /// <summary>Where the line holding <paramref name="at"/> ends, looking ahead at most <see cref="Reach"/> characters.</summary>
    private static int LineEnd(Context c, int at)
    {
        string text = c.Text;
        int count = Math.Min(Reach, text.Length - at);
        int newline = count > 0 ? text.IndexOf('\n', at, count) : -1;
        while (newline >= 0 && newline + 1 < at + count && LineWrapping.IsWrapAt(text, newline, c.Width))
            newline = text.IndexOf('\n', newline + 1, at + count - newline - 1);
        return newline < 0 ? at + Math.Max(0, count) : newline;
    }
}
