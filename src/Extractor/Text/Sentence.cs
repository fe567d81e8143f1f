namespace Extractor.Text;

/// <summary>A sentence as a half-open range <c>[FirstToken, EndToken)</c> of token indices.</summary>
public readonly record struct Sentence(int FirstToken, int EndToken)
{
    /// <summary>Number of tokens in the sentence.</summary>
    public int Count => EndToken - FirstToken;
}
