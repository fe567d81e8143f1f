namespace Extractor.Text;

/// <summary>Converts UTF-16 offsets (how .NET strings count) to Unicode code-point offsets (how Python and most users count).</summary>
/// <remarks>Text without surrogate pairs — nearly all news — needs no table: offsets are equal, and no memory is spent.</remarks>
internal sealed class CodePointIndex
{
    /// <summary>Characters between two checkpoints: a look-up counts at most this many.</summary>
    private const int Stride = 1024;

    private readonly string? _text;

    /// <summary>The text when it is held compactly (<see cref="_text"/> is then null).</summary>
    private readonly CompactText? _compact;

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

    /// <summary>The index of a text held compactly, read back a stride at a time.</summary>
    public CodePointIndex(CompactText text)
    {
        _compact = text;
        // A text let go keeps its pairs' positions, which answer without checkpoints.
        if (!text.HasSurrogates || text.IsLetGo) return;
        _checkpoints = new int[text.Length / Stride + 1];
        Span<char> buffer = stackalloc char[Stride];
        int cp = 0;
        char previous = '\0';
        for (int from = 0; from < text.Length; from += Stride)
        {
            var chars = buffer[..Math.Min(Stride, text.Length - from)];
            text.CopyTo(from, chars);
            _checkpoints[from / Stride] = cp;
            foreach (char c in chars)
            {
                if (!(char.IsLowSurrogate(c) && char.IsHighSurrogate(previous))) cp++;
                previous = c;
            }
        }
        if (text.Length % Stride == 0) _checkpoints[text.Length / Stride] = cp;
    }

    public int At(int utf16)
    {
        if (_checkpoints is null) return _compact is { IsLetGo: true } letGo ? letGo.CodePointAt(utf16) : utf16;
        int from = utf16 / Stride * Stride, cp = _checkpoints[utf16 / Stride];
        if (_text is not null)
        {
            for (int i = from; i < utf16; i++)
                if (!IsSecondHalf(_text, i)) cp++;
            return cp;
        }
        // The characters from the one before the checkpoint (whether the first is a pair's second half) to the offset.
        int start = Math.Max(0, from - 1);
        Span<char> chars = stackalloc char[Stride + 1];
        chars = chars[..(utf16 - start)];
        _compact!.CopyTo(start, chars);
        for (int i = from - start; i < chars.Length; i++)
            if (!(char.IsLowSurrogate(chars[i]) && i > 0 && char.IsHighSurrogate(chars[i - 1]))) cp++;
        return cp;
    }

    /// <summary>The low half of a pair shares its code point with the high half; lone surrogates count as one each.</summary>
    private static bool IsSecondHalf(string text, int i) => char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);
}
