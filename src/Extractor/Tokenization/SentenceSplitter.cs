using System.Globalization;
using Extractor.Text;

namespace Extractor.Tokenization;

/// <summary>
/// Groups tokens into sentences using punctuation, capitalization, known abbreviations and line
/// structure, with a hard cap on sentence length so that decoding stays bounded.
/// </summary>
/// <remarks>
/// Rules, in order of precedence:
/// <list type="number">
/// <item>A blank line always ends a sentence.</item>
/// <item>A single line break ends a sentence (news headlines and datelines rarely carry final
/// punctuation) unless the line ends with <c>,</c> <c>;</c> or a hyphen/dash, or the next line starts
/// lowercase, which is how hard-wrapped prose continues. A line ending in terminal punctuation always ends.
/// In hard-wrapped text (see <see cref="LineWrapping"/>), a break where the next word would not have fit on the
/// line is a space (<c>Keir</c> at a line's end, <c>Starmer</c> on the next), unless a list item follows.</item>
/// <item><c>.</c> <c>?</c> <c>!</c> <c>…</c> <c>...</c>, together with closing quotes and brackets glued
/// to them (<c>happen.”</c>), end a sentence when whitespace and a token that does not start lowercase
/// or with continuing punctuation follow, or at the end of the text.</item>
/// <item>A word with a kept period (<c>U.S.</c>, <c>Inc.</c>, <c>J.</c>) ends a sentence only when the
/// next token is a typical sentence starter (<c>He</c>, <c>The</c>, <c>However</c>); titles such as
/// <c>Gen.</c> or <c>Mr.</c> never do. Punkt-style corpus statistics would be the alternative; a word
/// list is predictable and needs no training data.</item>
/// <item>A sentence that reaches <see cref="MaxTokens"/> tokens is cut there.</item>
/// </list>
/// Immutable and thread-safe; linear in the text and token count.
/// </remarks>
internal sealed class SentenceSplitter
{
    /// <summary>The default cap on tokens per sentence.</summary>
    public const int DefaultMaxTokens = 256;

    private readonly AbbreviationTable _abbreviations;
    private readonly WordSet _starters;

    /// <summary>Creates a splitter that cuts sentences longer than <paramref name="maxTokens"/> tokens.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokens"/> is less than 1.</exception>
    public SentenceSplitter(int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        MaxTokens = maxTokens;
        _abbreviations = AbbreviationTable.Default;
        _starters = WordSet.SentenceStarters;
    }

    /// <summary>The most tokens one sentence may hold; longer runs are cut without regard to punctuation.</summary>
    public int MaxTokens { get; }

    /// <summary>
    /// Appends to <paramref name="sentences"/> the sentences of <paramref name="tokens"/> (tokens of
    /// <paramref name="text"/>, in order): together they cover every token in order, none is empty.
    /// </summary>
    public void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int width = LineWrapping.WrapWidth(text);
        int start = 0;
        int i = 0;
        while (i < tokens.Length)
        {
            int end = i + 1;
            bool boundary;
            if (IsTerminal(text, tokens[i]))
            {
                while (end < tokens.Length && tokens[end].Start == tokens[end - 1].End && IsCloser(text, tokens[end])) end++;
                boundary = end == tokens.Length || EndsAfterTerminal(text, tokens[end - 1], tokens[end], width);
            }
            else
            {
                boundary = end == tokens.Length || EndsAfterWord(text, tokens[i], tokens[end], width);
            }

            for (; end - start > MaxTokens; start += MaxTokens) sentences.Add(new Sentence(start, start + MaxTokens));
            if (boundary || end - start == MaxTokens)
            {
                sentences.Add(new Sentence(start, end));
                start = end;
            }
            i = end;
        }
    }

    /// <summary>After terminal punctuation (and its closers): a line break, or a space and a plausible sentence start.</summary>
    private static bool EndsAfterTerminal(ReadOnlySpan<char> text, Token last, Token next, int width)
    {
        int breaks = Breaks(text, last, next, width);
        if (breaks > 0) return true;
        return next.Start > last.End && StartsSentence(text, next);
    }

    /// <summary>After any other token: line structure, or a kept-period abbreviation followed by a sentence starter.</summary>
    private bool EndsAfterWord(ReadOnlySpan<char> text, Token last, Token next, int width)
    {
        int breaks = Breaks(text, last, next, width);
        ReadOnlySpan<char> word = Slice(text, last);
        if (breaks >= 2) return true;
        if (breaks == 1)
            return (word.Length > 0 && word[^1] == '.') || !(ContinuesLine(word) || LineWrapping.StartsLowercase(Slice(text, next)));
        if (word.Length < 2 || word[^1] != '.' || next.Start == last.End) return false;
        if (_abbreviations.TryGet(word, out AbbreviationKind kind) && kind != AbbreviationKind.Plain) return false;
        return _starters.Contains(Slice(text, next));
    }

    /// <summary>True for <c>.</c> <c>?</c> <c>!</c> <c>…</c> and runs of them (<c>...</c>), marks allowed after.</summary>
    private static bool IsTerminal(ReadOnlySpan<char> text, Token token)
    {
        ReadOnlySpan<char> span = Slice(text, token);
        if (span.IsEmpty || !IsTerminalChar(span[0])) return false;
        foreach (char c in span)
        {
            if (!IsTerminalChar(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
                return false;
        }
        return true;
    }

    private static bool IsTerminalChar(char c) => c is '.' or '?' or '!' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    /// <summary>Closing quotes and brackets that belong to the sentence their terminal punctuation ends.</summary>
    private static bool IsCloser(ReadOnlySpan<char> text, Token token)
    {
        ReadOnlySpan<char> span = Slice(text, token);
        if (span.IsEmpty) return false;
        char c = span[0];
        return c is '"' or '\'' or '\u2019' or '\u201D' or '\u00BB' or '\u203A' or ')' or ']' or '}'
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;
    }

    /// <summary>A sentence may start with anything but a lowercase letter or punctuation that continues one.</summary>
    private static bool StartsSentence(ReadOnlySpan<char> text, Token next)
    {
        ReadOnlySpan<char> span = Slice(text, next);
        if (span.IsEmpty || LineWrapping.StartsLowercase(span)) return false;
        char c = span[0];
        if (c is ',' or ';' or ':' or '.' or '?' or '!' or '%' or '\u2026') return false;
        return CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation);
    }

    /// <summary>A line ending in a comma, semicolon or hyphen/dash is continued by the next line.</summary>
    private static bool ContinuesLine(ReadOnlySpan<char> lastToken) =>
        lastToken.Length == 1 && lastToken[0] is ',' or ';' or '-' or '\u2013' or '\u2014';

    /// <summary>The line breaks between two tokens, none when it is a wrap of hard-wrapped text.</summary>
    private static int Breaks(ReadOnlySpan<char> text, Token last, Token next, int width)
    {
        int breaks = LineBreaks(text, last.End, next.Start);
        return breaks == 1 && LineWrapping.IsWrap(text, last.End, next.Start, width) ? 0 : breaks;
    }

    /// <summary>Counts line breaks in <c>[from, to)</c>: CRLF counts once, a paragraph separator twice.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text, int from, int to)
    {
        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(to, from, text.Length);
        int breaks = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < to && text[i + 1] == '\n') continue;
            if (c is '\n' or '\r' or '\u0085' or '\u2028') breaks++;
            else if (c == '\u2029') breaks += 2;
        }
        return breaks;
    }

    /// <summary>The token's text, or empty when the token lies outside <paramref name="text"/> (never throws).</summary>
    private static ReadOnlySpan<char> Slice(ReadOnlySpan<char> text, Token token) =>
        token.Start >= 0 && token.End <= text.Length && token.Start <= token.End ? text[token.Start..token.End] : default;
}
