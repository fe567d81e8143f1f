using System.Text;

namespace Extractor.Knowledge;

/// <summary>
/// Normalizations applied to entity surfaces before they are compared with names: whitespace runs
/// collapsed, typographic apostrophes and dashes straightened, a trailing possessive and (optionally)
/// a leading "the" removed, and Latin diacritics folded for lookup keys.
/// </summary>
/// <remarks>These run once per mention, not per token, so allocating a string here is fine.</remarks>
internal static class SurfaceText
{
    /// <summary>Trims, collapses whitespace runs to one space, straightens apostrophes and dashes. Control and invisible
    /// format characters (ESC, DEL, bidi overrides), which the tokenizer takes as separators, count as whitespace, so
    /// a name never holds one (<c>Marco\x7FRubio</c> → <c>Marco Rubio</c>); joiners and the soft hyphen stay.</summary>
    public static string Clean(ReadOnlySpan<char> surface)
    {
        if (IsClean(surface)) return surface.ToString();
        return Cleaned(surface);
    }

    /// <summary>As <see cref="Clean(ReadOnlySpan{char})"/>; a surface that is clean already (most are: printable ASCII,
    /// single spaces inside) comes back as the same string, unallocated.</summary>
    public static string Clean(string surface) => IsClean(surface) ? surface : Cleaned(surface);

    /// <summary>True when <see cref="Cleaned"/> would return the text unchanged: printable ASCII without a backtick (which
    /// it straightens), no space at either end and none doubled. Anything else takes the full path.</summary>
    private static bool IsClean(ReadOnlySpan<char> surface)
    {
        if (surface.IsEmpty) return true;
        if (surface[0] == ' ' || surface[^1] == ' ') return false;
        char previous = '\0';
        foreach (char c in surface)
        {
            if (c is < ' ' or > '~' or '`' || (c == ' ' && previous == ' ')) return false;
            previous = c;
        }
        return true;
    }

    /// <summary>The full cleaning, character by character (tests hold the shortcut of <see cref="Clean(string)"/> to it).</summary>
    internal static string Cleaned(ReadOnlySpan<char> surface)
    {
        var builder = new StringBuilder(surface.Length);
        bool pendingSpace = false;
        foreach (char raw in surface.Trim())
        {
            if (char.IsWhiteSpace(raw) || IsInvisible(raw))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(Straighten(raw));
        }
        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || (c is not ('\u200C' or '\u200D' or '\u00AD') && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    /// <summary>Removes a trailing possessive: <c>Qatar's</c> → <c>Qatar</c>, <c>Philippines'</c> → <c>Philippines</c>.</summary>
    /// <remarks>Expects <see cref="Clean(string)"/>ed input (straight apostrophes). A lone <c>'</c> is only
    /// dropped after <c>s</c>, so <c>Côte d'</c>-like fragments are never touched mid-word.</remarks>
    public static string StripPossessive(string cleaned)
    {
        if (cleaned.Length > 2 && (cleaned.EndsWith("'s", StringComparison.Ordinal) || cleaned.EndsWith("'S", StringComparison.Ordinal)))
        {
            return cleaned[..^2];
        }
        if (cleaned.Length > 2 && cleaned[^1] == '\'' && cleaned[^2] is 's' or 'S')
        {
            return cleaned[..^1];
        }
        return cleaned;
    }

    /// <summary>Removes a leading article <c>the</c>/<c>The</c>/<c>THE</c> when something follows it.</summary>
    public static string StripLeadingThe(string cleaned) =>
        cleaned.Length > 4 && cleaned[3] == ' ' && cleaned.AsSpan(0, 3) is "the" or "The" or "THE"
            ? cleaned[4..]
            : cleaned;

    /// <summary>The lookup key for a surface: cleaned, possessive and leading "the" stripped, diacritics folded.</summary>
    public static string Key(ReadOnlySpan<char> surface) => Fold(StripLeadingThe(StripPossessive(Clean(surface))));

    /// <summary>True when the text has at least one letter and no lowercase letter (<c>TURKEY</c>, <c>U.S.</c>).</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> text)
    {
        bool anyLetter = false;
        foreach (char c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            anyLetter |= char.IsLetter(c);
        }
        return anyLetter;
    }

    /// <summary>Replaces accented Latin letters with their base letter (<c>Côte</c> → <c>Cote</c>, <c>Türkiye</c> → <c>Turkiye</c>).</summary>
    /// <remarks>A table rather than <see cref="string.Normalize()"/>: the library runs with invariant
    /// globalization, and only Latin letters occur in country names.</remarks>
    public static string Fold(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] < 0x80)
        {
            i++;
        }
        if (i == text.Length)
        {
            return text;
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int j = 0; j < source.Length; j++)
            {
                span[j] = FoldChar(source[j]);
            }
        });
    }

    private static char Straighten(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u0060' or '\u00B4' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    private const string Latin1From = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Latin1To = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy";
    private const string ExtendedFrom = "ĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīİıŁłŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŹźŻżŽž";
    private const string ExtendedTo = "AaAaAaCcCcDdEeEeEeGgIiIiLlNnNnOoOoRrSsSsSsTtTtUuUuUuZzZzZz";

    private static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }
        int index = Latin1From.IndexOf(c);
        if (index >= 0)
        {
            return Latin1To[index];
        }
        index = ExtendedFrom.IndexOf(c);
        return index >= 0 ? ExtendedTo[index] : c;
    }
}
