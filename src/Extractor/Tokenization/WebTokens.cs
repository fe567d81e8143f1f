namespace Extractor.Tokenization;

/// <summary>
/// Recognizers for tokens the PTB rules would shred: URLs, e-mail addresses, @handles and #hashtags.
/// Each returns the end of the token starting at <c>start</c>, or -1 (URL, e-mail) when there is none.
/// </summary>
/// <remarks>
/// Every scan is either consumed by the token it produces or bounded by a constant (RFC length limits
/// for e-mail parts), which keeps the tokenizer linear even on a long run without spaces.
/// </remarks>
internal static class WebTokens
{
    private const int MaxEmailLocalPart = 64;
    private const int MaxEmailDomain = 253;

    /// <summary>A URL starting with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>www.</c>, without trailing sentence punctuation.</summary>
    public static int UrlEnd(ReadOnlySpan<char> text, int start)
    {
        ReadOnlySpan<char> rest = text[start..];
        bool url = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && CharClass.IsWordAt(text, start + 4));
        if (!url) return -1;

        int i = start;
        int openParens = 0;
        while (i < text.Length)
        {
            CharKind kind = CharClass.Classify(text, i, out int length);
            char c = text[i];
            if (kind == CharKind.Separator || c is '"' or '<' or '>' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB')
                break;
            if (c == '(') openParens++;
            else if (c == ')' && openParens-- == 0) break;
            i += length;
        }
        // Trimming stops at the first kept char, so a trimmed char is never followed by a mark it should keep.
        while (i > start && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'') i--;
        return i;
    }

    /// <summary>An ASCII e-mail address <c>local@domain.tld</c>, without a trailing period.</summary>
    public static int EmailEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int limit = Math.Min(text.Length, start + MaxEmailLocalPart);
        while (i < limit && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-')) i++;
        if (i == start || i >= text.Length || text[i] != '@' || text[i - 1] == '.') return -1;

        i++;
        int labelStart = i;
        int lastDot = -1;
        limit = Math.Min(text.Length, i + MaxEmailDomain);
        while (i < limit)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                i++;
            }
            else if (c == '.' && i > labelStart && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                lastDot = i++;
                labelStart = i;
            }
            else
            {
                break;
            }
        }
        return lastDot < 0 ? -1 : CharClass.AbsorbExtenders(text, i);
    }

    /// <summary>An @handle (letters, digits, underscore); a bare <c>@</c> is a one-char token.</summary>
    public static int HandleEnd(ReadOnlySpan<char> text, int start) => NameEnd(text, start + 1, out _);

    /// <summary>A #hashtag containing at least one letter (<c>#1</c> stays <c>#</c> <c>1</c>, as in PTB).</summary>
    public static int HashtagEnd(ReadOnlySpan<char> text, int start)
    {
        int end = NameEnd(text, start + 1, out bool hasLetter);
        return hasLetter ? end : start + 1;
    }

    /// <summary>The end of the run of letters, digits, marks and underscores at <paramref name="i"/>.</summary>
    private static int NameEnd(ReadOnlySpan<char> text, int i, out bool hasLetter)
    {
        hasLetter = false;
        while (i < text.Length)
        {
            CharKind kind = CharClass.Classify(text, i, out int length);
            if (kind is CharKind.Word or CharKind.Extender)
                hasLetter |= kind == CharKind.Word && !char.IsDigit(text[i]);
            else if (text[i] != '_')
                break;
            i += length;
        }
        return i;
    }
}
