using System.Text.RegularExpressions;
using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>Builds tagged documents by hand: tokens from a simple regex, mentions by finding surfaces in order.</summary>
internal static partial class TestDocuments
{
    /// <summary>Each surface is searched for after the previous mention's end, so repeated names are tagged in order.</summary>
    public static Document Build(string text, params (string Surface, EntityLabel Label)[] mentions) =>
        Build(text, mentions.Select(m => (m.Surface, m.Label, 1f)).ToArray());

    public static Document Build(string text, (string Surface, EntityLabel Label, float Score)[] mentions)
    {
        Token[] tokens = TokenPattern().Matches(text).Select(m => new Token(m.Index, m.Index + m.Length)).ToArray();
        var built = new List<Mention>();
        int from = 0;
        foreach ((string surface, EntityLabel label, float score) in mentions)
        {
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' not found after offset {from} in test text.");
            int end = start + surface.Length;
            int first = Array.FindIndex(tokens, t => t.Start >= start);
            int last = Array.FindLastIndex(tokens, t => t.End <= end);
            built.Add(new Mention(start, end, first, last + 1, 0, label, score));
            from = end;
        }
        return new Document(text, tokens.Length, built.ToArray()) { Tokens = tokens, Sentences = [new Sentence(0, tokens.Length)] };
    }

    /// <summary>Words with inner periods, apostrophes or hyphens (<c>U.S.</c>, <c>al-Thani</c>), else single symbols.</summary>
    [GeneratedRegex(@"\w+(?:[.'’\-]\w+)*\.?|\S")]
    private static partial Regex TokenPattern();

    /// <summary>The resolved mentions of a hand-built document, resolved as the batch run resolves an analyzed one.</summary>
    public static IReadOnlyList<ResolvedMention> Resolve(this EntityResolver resolver, Document document) =>
        document.Resolve(resolver).Resolved;
}
