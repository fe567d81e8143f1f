using System.Globalization;

namespace Extractor.Tokenization;

/// <summary>How the tokenizer treats one text unit (a char, or a whole surrogate pair).</summary>
internal enum CharKind : byte
{
    /// <summary>Whitespace, control and invisible format characters: never part of a token.</summary>
    Separator,
    /// <summary>Letters and digits of any script: the body of words and numbers.</summary>
    Word,
    /// <summary>Combining marks and joiners: always stay with the unit before them.</summary>
    Extender,
    /// <summary>Punctuation, symbols, lone surrogates, private use: a token of its own unless a rule joins it.</summary>
    Other,
}

/// <summary>Character classification on spans, surrogate-pair aware and allocation free.</summary>
/// <remarks>
/// Classification works on units rather than chars so that no caller can split a surrogate pair: every
/// method reports the unit's length (2 for a valid pair, otherwise 1). A lone surrogate is a one-char
/// <see cref="CharKind.Other"/> unit, so malformed UTF-16 still tokenizes instead of throwing.
/// </remarks>
internal static class CharClass
{
    /// <summary>Classifies the unit starting at <paramref name="i"/> and reports its length in chars.</summary>
    public static CharKind Classify(ReadOnlySpan<char> text, int i, out int length)
    {
        char c = text[i];
        length = 1;
        if (c < 0x80)
        {
            if (c <= ' ' || c == '\u007F') return CharKind.Separator;
            return char.IsAsciiLetterOrDigit(c) ? CharKind.Word : CharKind.Other;
        }
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                length = 2;
                return FromCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1])));
            }
            return CharKind.Other;
        }
        // Joiners and the soft hyphen are format characters, but they belong inside words (Persian ZWNJ,
        // emoji ZWJ sequences), unlike bidi marks and zero-width spaces, which separate.
        if (c is '\u200C' or '\u200D' or '\u00AD') return CharKind.Extender;
        return FromCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    /// <summary>The kind of the unit at <paramref name="i"/>, or <see cref="CharKind.Separator"/> past the end.</summary>
    public static CharKind KindAt(ReadOnlySpan<char> text, int i) =>
        i < text.Length ? Classify(text, i, out _) : CharKind.Separator;

    /// <summary>True when the unit at <paramref name="i"/> exists and is a letter or digit.</summary>
    public static bool IsWordAt(ReadOnlySpan<char> text, int i) => KindAt(text, i) == CharKind.Word;

    /// <summary>True for the apostrophes that introduce clitics: ASCII, right single quote, modifier letter.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>True for the hyphens that join compound words (not dashes, which are tokens).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>True when <paramref name="i"/> is inside the text and holds an ASCII or Unicode decimal digit.</summary>
    public static bool IsDigitAt(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length && char.IsDigit(text[i]);

    /// <summary>
    /// Returns the index just past the extenders (marks, joiners) that follow <paramref name="end"/>; after a
    /// zero-width joiner the next non-separator unit is taken too, so emoji sequences stay whole.
    /// </summary>
    public static int AbsorbExtenders(ReadOnlySpan<char> text, int end)
    {
        while (end < text.Length)
        {
            CharKind kind = Classify(text, end, out int length);
            if (kind != CharKind.Extender) break;
            bool joiner = text[end] == '\u200D';
            end += length;
            if (joiner && end < text.Length && Classify(text, end, out int next) is CharKind.Other or CharKind.Word)
                end += next;
        }
        return end;
    }

    private static CharKind FromCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            => CharKind.Word,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            => CharKind.Extender,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format
            => CharKind.Separator,
        _ => CharKind.Other,
    };
}
