namespace Extractor.Text;

/// <summary>
/// Hard-wrapped plain text (e-mail, wire copy, plain-text news cut at 60–80 columns): whether a document is wrapped,
/// and which of its line breaks are wraps, which readers of names and sentences take as spaces
/// (<c>Keir</c> at the end of one line, <c>Starmer</c> at the start of the next).
/// </summary>
/// <remarks>A wrapping program breaks a line only where the next word would not fit, so a break after a line shorter
/// than the width less that word was made by the writer (a heading, a list item, a paragraph's end) and stays one.</remarks>
internal static class LineWrapping
{
    /// <summary>Shortest and longest wrap widths recognized: e-mail, wire copy and plain-text news wrap at 60–80 columns.</summary>
    private const int MinWrapWidth = 40, MaxWrapWidth = 100;

    /// <summary>
    /// The column at which <paramref name="text"/> is hard-wrapped, or 0 when it is not: when its longer lines (the
    /// 90th percentile of line lengths, between 40 and 100) are cut mid-sentence, that is when at least half of the
    /// lines before a single line break come within a sixth of that width, and either at least one in five of the next
    /// lines starts lowercase or at least half of those lines are prose that ends without a sentence's final mark.
    /// Lists, tables and headlines (short or capitalized lines), one sentence per line and unwrapped paragraphs (longer
    /// lines) are not wrapped text, so their line breaks keep ending sentences.
    /// </summary>
    public static int WrapWidth(ReadOnlySpan<char> text)
    {
        // On the stack: the sentence splitter asks this of every document, and tagging allocates nothing per document
        // beyond its results.
        var lengths = new LineLengths(stackalloc int[MaxWrapWidth + 2]);
        lengths.Add(text);
        int width = lengths.Width();
        if (width == 0) return 0;
        var evidence = new WrapEvidence(width);
        evidence.Add(text);
        return evidence.CutMidSentence ? width : 0;
    }

    /// <summary>As <see cref="WrapWidth(ReadOnlySpan{char})"/> for a text given as pieces of whole lines, which joined
    /// with <c>\n</c> make it (a long text held compactly, decoded a piece at a time); <paramref name="pieces"/> is read twice.</summary>
    public static int WrapWidth(Func<IEnumerable<ReadOnlyMemory<char>>> pieces)
    {
        var lengths = new LineLengths(new int[MaxWrapWidth + 2]);
        foreach (var piece in pieces()) lengths.Add(piece.Span);
        int width = lengths.Width();
        if (width == 0) return 0;
        var evidence = new WrapEvidence(width);
        foreach (var piece in pieces()) evidence.Add(piece.Span);
        return evidence.CutMidSentence ? width : 0;
    }

    /// <summary>The first pass: how many non-blank lines have each length, and the width their longer ones give.</summary>
    private ref struct LineLengths(Span<int> lengths)
    {
        private readonly Span<int> _lengths = lengths;
        private int _lines;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var range in text.Split('\n'))
            {
                int length = LineLength(text[range]);
                if (length == 0) continue;
                _lengths[Math.Min(length, MaxWrapWidth + 1)]++;
                _lines++;
            }
        }

        /// <summary>The 90th percentile of the line lengths when it is a wrap width, else 0.</summary>
        public readonly int Width()
        {
            if (_lines < 3) return 0;
            int width = 0;
            for (int seen = 0; width <= MaxWrapWidth + 1 && (seen += _lengths[width]) < _lines * 9 / 10; width++) { }
            return width < MinWrapWidth || width > MaxWrapWidth ? 0 : width;
        }
    }

    /// <summary>The second pass, line after line: whether the lines before single line breaks fill the width and the
    /// text is cut mid-sentence there.</summary>
    private struct WrapEvidence(int width)
    {
        private int _singles, _full, _lowercase, _openProse;
        private int _previous = -1;
        private bool _previousOpenProse;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var range in text.Split('\n'))
            {
                var line = text[range];
                int length = LineLength(line);
                if (length == 0) { _previous = -1; continue; }
                if (_previous >= 0)
                {
                    _singles++;
                    if (_previous >= width - width / 6) _full++;
                    if (StartsLowercase(line.TrimStart())) _lowercase++;
                    if (_previousOpenProse) _openProse++;
                }
                _previous = length;
                _previousOpenProse = EndsOpen(line) && IsProse(line);
            }
        }

        // Either test tells prose cut mid-sentence: next lines that start lowercase, or lines that read as prose (two or
        // more lowercase words) yet end without a sentence's final mark. One sentence per line fails the second (its lines
        // end with one), a table or a stack of headlines both (capitalized words, no lowercase ones).
        public readonly bool CutMidSentence =>
            _singles >= 2 && _full * 2 >= _singles && (_lowercase * 5 >= _singles || _openProse * 2 >= _singles);
    }

    /// <summary>Whether a line ends without <c>.</c> <c>?</c> <c>!</c> <c>…</c> <c>:</c> (closing quotes and brackets aside).</summary>
    private static bool EndsOpen(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd(" \t\r\u00A0\"'”’)]");
        return !line.IsEmpty && line[^1] is not ('.' or '?' or '!' or '\u2026' or ':');
    }

    /// <summary>Two or more words of two letters or more that start lowercase (<c>the</c>, <c>met</c>, <c>of</c>): prose, not a
    /// headline, a name list or a table row.</summary>
    private static bool IsProse(ReadOnlySpan<char> line)
    {
        int lower = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range];
            if (word.Length >= 2 && char.IsLower(word[0]) && char.IsLetter(word[1]) && ++lower >= 2) return true;
        }
        return false;
    }

    /// <summary>Whether the single line break in <c>[from, to)</c> (the space between two words) is a wrap: the line
    /// before it is long enough that the next word would have run past <paramref name="width"/>, it is no heading (three
    /// or more words, all capitalized), and the next line is no list item. Always false for a <paramref name="width"/>
    /// of 0 (text that is not wrapped).</summary>
    public static bool IsWrap(ReadOnlySpan<char> text, int from, int to, int width)
    {
        if (width == 0) return false;
        // Only the last width + 1 characters can matter: a longer line is past the width whatever it holds. The bound
        // keeps a giant line from being rescanned for every name read near the break after it.
        var window = text[Math.Max(0, from - width - 1)..from];
        var line = window[(window.LastIndexOfAny('\n', '\r') + 1)..];
        var rest = text[to..];
        int word = rest.IndexOfAny(" \t\n\r");
        if (word < 0) word = rest.Length;
        return LineLength(line) + 1 + word > width - width / 10 && !IsHeading(line) && !StartsListItem(rest);
    }

    /// <summary>Three or more words, each starting with a capital or a digit: a headline or a subheading, which wrapped
    /// prose, whose lines hold six words or more, practically never is.</summary>
    private static bool IsHeading(ReadOnlySpan<char> line)
    {
        int words = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim("\t\u00A0\"'“‘(");
            if (word.IsEmpty) continue;
            if (!char.IsUpper(word[0]) && !char.IsDigit(word[0])) return false;
            words++;
        }
        return words >= 3;
    }

    /// <summary>A bullet (<c>- * • ·</c>, then a space) or a number or letter with <c>.</c> or <c>)</c> (<c>1.</c>, <c>a)</c>).</summary>
    private static bool StartsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '\u2022' or '\u00B7' or '\u2013' && line[1] == ' ') return true;
        int digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits])) digits++;
        int marker = digits > 0 ? digits : line.Length >= 2 && char.IsAsciiLetterLower(line[0]) ? 1 : -1;
        return marker > 0 && marker + 1 < line.Length && line[marker] is '.' or ')' && line[marker + 1] == ' ';
    }

    /// <summary>A line's length without its line end and trailing spaces.</summary>
    private static int LineLength(ReadOnlySpan<char> line) => line.TrimEnd(" \t\r\u00A0").Length;

    /// <summary>Whether <paramref name="span"/> starts with a lowercase letter (a surrogate pair read as one).</summary>
    public static bool StartsLowercase(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty) return false;
        if (char.IsHighSurrogate(span[0]) && span.Length > 1 && char.IsLowSurrogate(span[1]))
            return System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(span[0], span[1])) == System.Globalization.UnicodeCategory.LowercaseLetter;
        return char.IsLower(span[0]);
    }

    /// <summary>Whether the line break at <paramref name="at"/> (a <c>\n</c> or <c>\r</c>, either half of a CRLF) is a
    /// wrap: the only break between the words around it, and <see cref="IsWrap"/>.</summary>
    public static bool IsWrapAt(ReadOnlySpan<char> text, int at, int width)
    {
        if (width == 0) return false;
        // A CRLF is one break, whichever half the caller found.
        if (text[at] == '\n' && at > 0 && text[at - 1] == '\r') at--;
        int from = at, to = at + (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1);
        while (from > 0 && text[from - 1] is ' ' or '\t' or '\u00A0') from--;
        if (from > 0 && text[from - 1] is '\n' or '\r') return false;
        while (to < text.Length && text[to] is ' ' or '\t' or '\u00A0') to++;
        if (to >= text.Length || text[to] is '\n' or '\r') return false;
        return IsWrap(text, from, to, width);
    }
}
