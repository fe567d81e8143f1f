namespace Extractor.Text;

/// <summary>A token as a half-open <c>[Start, End)</c> range of UTF-16 offsets into its document's text.</summary>
/// <remarks>Tokens never copy text: the document is the single source of truth, so <c>text[Start..End]</c> is the token.</remarks>
public readonly record struct Token(int Start, int End)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;

    /// <summary>The token's characters within <paramref name="text"/>, without allocating.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}
