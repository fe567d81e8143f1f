using Extractor.Text;

namespace Extractor.Tokenization;

// Tokenization turns raw document text into Token offsets that match the conventions of the CoNLL-2003
// training data (Penn Treebank style), because the NER model only knows tokens shaped like those:
// "Hamas's" is two tokens there, "U.S." is one, "$100" is two. The Tokenizer never copies text; the
// SentenceSplitter then groups tokens into sentences so that decoding and entities stay within one.

/// <summary>
/// Splits text into Penn Treebank / CoNLL-2003 style tokens: clitics (<c>'s</c>, <c>n't</c>) split off,
/// abbreviations and initials keep their period, hyphenated words and formatted numbers stay whole,
/// URLs, e-mail addresses, @handles and #hashtags are single tokens.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; one pass, linear time, no allocation per token. Any input is accepted
/// (control characters, lone surrogates, combining marks): separators are skipped, a surrogate pair is
/// never split, and combining marks stay with the unit before them. The alternative, a regex cascade as
/// in the original PTB sed script, is hard to keep linear and allocation free on adversarial input.
/// </remarks>
internal sealed class Tokenizer
{
    private readonly AbbreviationTable _abbreviations;

    /// <summary>Creates a tokenizer with the abbreviation list shipped with the library.</summary>
    public Tokenizer()
        : this(AbbreviationTable.Default)
    {
    }

    internal Tokenizer(AbbreviationTable abbreviations) => _abbreviations = abbreviations;

    /// <summary>The tokenizer with the shipped abbreviations: immutable, so one instance serves the pipeline and every
    /// piece of code that must cut text exactly as it does (user lexicon entries, phrase lists, word classes).</summary>
    public static Tokenizer Shipped { get; } = new();

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>, in order (the caller clears).</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            CharKind kind = CharClass.Classify(text, i, out int length);
            i = kind switch
            {
                CharKind.Separator => i + length,
                CharKind.Other => ScanPunctuation(text, i, tokens),
                _ => ScanWord(text, i, tokens),
            };
        }
    }

    /// <summary>Emits the token(s) starting at a letter, digit or stray mark; returns the position after them.</summary>
    private int ScanWord(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        int end = WebTokens.UrlEnd(text, start);
        if (end < 0) end = WebTokens.EmailEnd(text, start);
        if (end > start)
        {
            tokens.Add(new Token(start, end));
            return end;
        }

        end = WordEnd(text, start);
        int clitic = CliticStart(text[start..end]);
        if (clitic > 0)
        {
            tokens.Add(new Token(start, start + clitic));
            tokens.Add(new Token(start + clitic, end));
            return end;
        }
        if (end < text.Length && text[end] == '.' && KeepsPeriod(text, start, end))
            end = CharClass.AbsorbExtenders(text, end + 1);
        tokens.Add(new Token(start, end));
        return end;
    }

    /// <summary>
    /// The end of the letter/digit run at <paramref name="start"/>, continuing across connectors that PTB
    /// keeps inside a word: hyphens (<c>al-Thani</c>, <c>U.S.-led</c>), inner periods (<c>U.S</c>, <c>3.5</c>),
    /// apostrophes before a letter (<c>O'Brien</c>, <c>didn't</c>), digit separators (<c>1,000</c>,
    /// <c>10:30</c>, <c>24/7</c>), and <c>&amp;</c> between letters (<c>AT&amp;T</c>).
    /// </summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length)
        {
            CharKind kind = CharClass.Classify(text, i, out int length);
            if (kind is CharKind.Word or CharKind.Extender)
                i += length;
            else if (kind == CharKind.Other && i > start && JoinsWord(text, i))
                i++;
            else
                break;
        }
        return i;
    }

    /// <summary>True when the connector at <paramref name="i"/> (preceded by part of a word) continues that word.</summary>
    private static bool JoinsWord(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        char before = text[i - 1];
        return c switch
        {
            '.' => CharClass.IsWordAt(text, i + 1)
                || (i + 2 < text.Length && CharClass.IsHyphen(text[i + 1]) && CharClass.IsWordAt(text, i + 2)),
            ',' or ':' or '/' => char.IsDigit(before) && CharClass.IsDigitAt(text, i + 1),
            '&' => char.IsLetter(before) && i + 1 < text.Length && char.IsLetter(text[i + 1]),
            '_' => CharClass.IsWordAt(text, i + 1),
            _ when CharClass.IsHyphen(c) => CharClass.IsWordAt(text, i + 1),
            _ when CharClass.IsApostrophe(c) => i + 1 < text.Length && char.IsLetter(text[i + 1]),
            _ => false,
        };
    }

    /// <summary>
    /// Where a trailing clitic starts inside <paramref name="word"/> (<c>n't</c>, <c>'s</c>, <c>'m</c>,
    /// <c>'d</c>, <c>'re</c>, <c>'ve</c>, <c>'ll</c>, any apostrophe, any case), or 0 when there is none.
    /// PTB splits <c>can't</c> as <c>ca</c> <c>n't</c>, which falls out of splitting before the n.
    /// </summary>
    internal static int CliticStart(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 4 && (word[n - 1] | 0x20) == 't' && CharClass.IsApostrophe(word[n - 2]) && (word[n - 3] | 0x20) == 'n')
            return n - 3;
        if (n >= 3 && CharClass.IsApostrophe(word[n - 2]) && (word[n - 1] | 0x20) is 's' or 'm' or 'd')
            return n - 2;
        if (n >= 4 && CharClass.IsApostrophe(word[n - 3]) && IsTwoLetterClitic(word[n - 2], word[n - 1]))
            return n - 3;
        return 0;
    }

    private static bool IsTwoLetterClitic(char first, char second) =>
        ((first | 0x20), (second | 0x20)) is ('r', 'e') or ('v', 'e') or ('l', 'l');

    /// <summary>
    /// Decides whether the period at <paramref name="end"/> belongs to the word <c>[start, end)</c>: known
    /// abbreviations (<c>Gen.</c>, <c>Calif.</c>; <c>No.</c> only before a number), single capital initials
    /// (<c>J.</c>) and dotted initialisms (<c>U.S.</c>, <c>J.R.R.</c>, <c>Ph.D.</c>). An ellipsis never does.
    /// </summary>
    private bool KeepsPeriod(ReadOnlySpan<char> text, int start, int end)
    {
        if (end + 1 < text.Length && text[end + 1] == '.') return false;
        if (_abbreviations.TryGet(text[start..(end + 1)], out AbbreviationKind kind))
            return kind != AbbreviationKind.BeforeNumber || NumberFollows(text, end + 1);
        if (end - start == 1) return char.IsUpper(text[start]);
        return IsInitialism(text[start..end]);
    }

    /// <summary>True for letter groups of one or two letters joined by periods: <c>U.S</c>, <c>e.g</c>, <c>Ph.D</c>.</summary>
    private static bool IsInitialism(ReadOnlySpan<char> word)
    {
        int segment = 0;
        bool dotted = false;
        foreach (char c in word)
        {
            if (c == '.')
            {
                dotted = true;
                segment = 0;
            }
            else if (!char.IsLetter(c) || ++segment > 2)
            {
                return false;
            }
        }
        return dotted;
    }

    /// <summary>True when a digit follows <paramref name="i"/> after at most a few separators.</summary>
    private static bool NumberFollows(ReadOnlySpan<char> text, int i)
    {
        for (int limit = Math.Min(text.Length, i + 4); i < limit; i++)
        {
            if (char.IsDigit(text[i])) return true;
            if (CharClass.KindAt(text, i) != CharKind.Separator) return false;
        }
        return false;
    }

    /// <summary>Emits the token starting at a punctuation mark or symbol; returns the position after it.</summary>
    private static int ScanPunctuation(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        CharClass.Classify(text, start, out int length);
        int end = start + length;
        if (length == 1 && !char.IsSurrogate(text[start]))
        {
            end = text[start] switch
            {
                '@' => WebTokens.HandleEnd(text, start),
                '#' => WebTokens.HashtagEnd(text, start),
                '.' => RunEnd(text, start, '.'),
                '-' => RunEnd(text, start, '-'),
                '`' => RunEnd(text, start, '`'),
                _ when CharClass.IsApostrophe(text[start]) => ApostropheEnd(text, start),
                _ => end,
            };
        }
        end = CharClass.AbsorbExtenders(text, end);
        tokens.Add(new Token(start, end));
        return end;
    }

    /// <summary>The end of a run of <paramref name="c"/>: <c>...</c>, <c>--</c> and <c>``</c> are one token each.</summary>
    private static int RunEnd(ReadOnlySpan<char> text, int start, char c)
    {
        int end = start + 1;
        while (end < text.Length && text[end] == c) end++;
        return end;
    }

    /// <summary>
    /// An apostrophe is a clitic (<c>'s</c> after <c>U.S.</c> in <c>U.S.'s</c>) when glued to the word
    /// before; <c>''</c> is the PTB closing quote; anything else is a lone quote token.
    /// </summary>
    private static int ApostropheEnd(ReadOnlySpan<char> text, int start)
    {
        if (start + 1 < text.Length && text[start] == '\'' && text[start + 1] == '\'') return start + 2;
        bool glued = start > 0 && (text[start - 1] == '.' || CharClass.KindAt(text, start - 1) is CharKind.Word or CharKind.Extender);
        if (!glued) return start + 1;
        int after = start + 1;
        if (after < text.Length && (text[after] | 0x20) is 's' or 'm' or 'd' && !CharClass.IsWordAt(text, after + 1))
            return after + 1;
        if (after + 1 < text.Length && IsTwoLetterClitic(text[after], text[after + 1]) && !CharClass.IsWordAt(text, after + 2))
            return after + 2;
        return start + 1;
    }
}
