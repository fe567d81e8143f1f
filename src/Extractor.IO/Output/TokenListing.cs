using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.IO.Output;

/// <summary>A text's tokens as lines of <c>sentence&lt;TAB&gt;start&lt;TAB&gt;end&lt;TAB&gt;token</c> under a <c># name</c> line: what the tagger sees.</summary>
/// <remarks>Offsets count code points, the unit extract's start and end use, so the two can be compared directly.</remarks>
public sealed class TokenListing(Tokenizer tokenizer, SentenceSplitter splitter)
{
    /// <summary>Writes the listing of <paramref name="text"/>, headed by <paramref name="name"/>.</summary>
    public void Write(string text, string name, TextWriter output)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        tokenizer.Tokenize(text, tokens);
        splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        var codePoints = new CodePointIndex(text);
        output.Write($"# {name}\n");
        for (int s = 0; s < sentences.Count; s++)
            for (int i = sentences[s].FirstToken; i < sentences[s].EndToken; i++)
                output.Write($"{s}\t{codePoints.At(tokens[i].Start)}\t{codePoints.At(tokens[i].End)}\t{tokens[i].Of(text)}\n");
    }
}
