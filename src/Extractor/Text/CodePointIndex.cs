namespace Extractor.Text;

/// <summary>Converts UTF-16 offsets (how .NET strings count) to Unicode code-point offsets (how Python and most users count).</summary>
/// <remarks>Text without surrogate pairs — nearly all news — needs no table: offsets are equal, and no memory is spent.</remarks>
public sealed class CodePointIndex
{
    private readonly int[]? _codePointAt;

    /// <summary>Indexes <paramref name="text"/>.</summary>
    public CodePointIndex(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return;
        _codePointAt = new int[text.Length + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            _codePointAt[i] = cp;
            // The low half of a pair shares its code point with the high half; lone surrogates count as one each.
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) cp++;
        }
        _codePointAt[text.Length] = cp;
    }

    /// <summary>The code-point offset of UTF-16 offset <paramref name="utf16"/>.</summary>
    public int At(int utf16) => _codePointAt is null ? utf16 : _codePointAt[utf16];
}
