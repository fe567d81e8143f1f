using System.Runtime.CompilerServices;

namespace Extractor.Recognition.Features;

/// <summary>A process-independent 64-bit hash for feature ids (never <c>string.GetHashCode</c>, which .NET randomizes per process).</summary>
/// <remarks>
/// Characters are normalized while hashing so that typographic variants in real news (curly quotes,
/// en/em dashes) hash like the ASCII forms the CoNLL training text uses, without allocating a copy.
/// </remarks>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over normalized UTF-16 code units.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong h = Offset;
        foreach (char c in text)
        {
            h = (h ^ Normalize(c)) * Prime;
        }
        return Mix(h);
    }

    /// <summary>FNV-1a over the lowercased, normalized code units.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        ulong h = Offset;
        foreach (char c in text)
        {
            h = (h ^ char.ToLowerInvariant(Normalize(c))) * Prime;
        }
        return Mix(h);
    }

    /// <summary>FNV-1a over the uppercased, normalized code units (equals <see cref="Of"/> of the uppercased word).</summary>
    public static ulong OfUpper(ReadOnlySpan<char> text)
    {
        ulong h = Offset;
        foreach (char c in text)
        {
            h = (h ^ char.ToUpperInvariant(Normalize(c))) * Prime;
        }
        return Mix(h);
    }

    /// <summary>Hash of a prefix (<paramref name="fromEnd"/> false) or suffix of up to <paramref name="length"/> chars, lowercased.</summary>
    public static ulong OfAffix(ReadOnlySpan<char> text, int length, bool fromEnd)
    {
        int n = Math.Min(length, text.Length);
        var part = fromEnd ? text[^n..] : text[..n];
        return OfLower(part) ^ ((ulong)length * 0x9E3779B97F4A7C15UL) ^ (fromEnd ? 0x5555UL : 0UL);
    }

    /// <summary>Combines a template id with up to two value hashes into one feature id.</summary>
    /// <remarks>Forced inline: ~47 calls per token from one large method, where the JIT's budget would otherwise stop inlining.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(int template, ulong a, ulong b = 0) =>
        Mix(Mix(a ^ ((ulong)template << 48) ^ 0x9E3779B97F4A7C15UL) + b * 0xC2B2AE3D27D4EB4FUL + (ulong)template);

    /// <summary>The splitmix64 finalizer: spreads bits so open addressing with a power-of-two table works well.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Maps typographic variants to the ASCII forms found in CoNLL-2003.</summary>
    public static char Normalize(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };
}
