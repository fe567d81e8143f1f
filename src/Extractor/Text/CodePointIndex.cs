namespace Extractor.Text;

/// <summary>Converts UTF-16 offsets (how .NET strings count) to Unicode code-point offsets (how Python and most users count).</summary>
/// <remarks>Text without surrogate pairs — nearly all news — needs no table: offsets are equal, and no memory is spent.</remarks>
internal sealed class CodePointIndex
{
    /// <summary>Characters between two checkpoints: a look-up counts at most this many.</summary>
    private const int Stride = 1024;

    private readonly string _text;

    /// <summary>The code point offset at every <see cref="Stride"/>-th character, or null when the text has no surrogates (then the offsets agree).</summary>
    /// <remarks>A checkpoint per 1,024 characters rather than an offset per character: for a 20 MB text with one emoji
    /// the table was 80 MB, twice the text itself.</remarks>
    private readonly int[]? _checkpoints;

    public CodePointIndex(string text)
    {
        _text = text;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return;
        _checkpoints = new int[text.Length / Stride + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (i % Stride == 0) _checkpoints[i / Stride] = cp;
            if (!IsSecondHalf(text, i)) cp++;
        }
        if (text.Length % Stride == 0) _checkpoints[text.Length / Stride] = cp;
    }

    public int At(int utf16)
    {
        if (_checkpoints is null) return utf16;
        int from = utf16 / Stride * Stride, cp = _checkpoints[utf16 / Stride];
        for (int i = from; i < utf16; i++)
            if (!IsSecondHalf(_text, i)) cp++;
        return cp;
    }

    /// <summary>The low half of a pair shares its code point with the high half; lone surrogates count as one each.</summary>
    private static bool IsSecondHalf(string text, int i) => char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
}
