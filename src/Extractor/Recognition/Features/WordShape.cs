namespace Extractor.Recognition.Features;

/// <summary>Word shapes, hashed as they are computed so no shape string is ever built.</summary>
/// <remarks>
/// The long shape maps upper→X, lower→x, digit→d and keeps other characters, collapsing runs longer
/// than two (<c>Washington</c> → <c>Xxx</c>... → "Xxx"); the short shape collapses every run
/// (<c>1996-08-22</c> → <c>d-d-d</c>), which generalizes across lengths.
/// </remarks>
internal static class WordShape
{
    public static (ulong Long, ulong Short, TokenFlags Flags) Compute(ReadOnlySpan<char> word)
    {
        const ulong prime = 1099511628211UL;
        ulong lng = 14695981039346656037UL, shrt = lng;
        char prev = '\0';
        int run = 0, upper = 0, lower = 0, digits = 0, letters = 0, punct = 0;
        var flags = TokenFlags.None;
        foreach (char raw in word)
        {
            char c = StableHash.Normalize(raw);
            char k;
            if (char.IsUpper(c)) { k = 'X'; upper++; letters++; }
            else if (char.IsLower(c)) { k = 'x'; lower++; letters++; }
            else if (char.IsDigit(c)) { k = 'd'; digits++; }
            else if (char.IsLetter(c)) { k = 'x'; letters++; lower++; }
            else
            {
                k = c;
                if (c == '-') flags |= TokenFlags.HasHyphen;
                else if (c == '.') flags |= TokenFlags.HasPeriod;
                if (char.IsPunctuation(c) || char.IsSymbol(c)) punct++;
            }
            run = k == prev ? run + 1 : 1;
            if (run <= 2) lng = (lng ^ k) * prime;
            if (run == 1) shrt = (shrt ^ k) * prime;
            prev = k;
        }
        if (letters > 0) flags |= TokenFlags.HasLetter;
        if (word.Length > 0 && char.IsUpper(word[0])) flags |= TokenFlags.InitialCapital;
        if (upper > 0 && lower == 0) flags |= TokenFlags.AllCapitals;
        if (lower > 0 && upper == 0) flags |= TokenFlags.AllLower;
        if (digits > 0) flags |= TokenFlags.HasDigit;
        if (digits > 0 && digits == word.Length) flags |= TokenFlags.AllDigits;
        if (punct > 0 && punct == word.Length) flags |= TokenFlags.Punctuation;
        return (StableHash.Mix(lng), StableHash.Mix(shrt ^ 0xABCDEFUL), flags);
    }
}
