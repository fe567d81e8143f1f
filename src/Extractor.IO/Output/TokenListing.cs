using Extractor.IO.Sources;
using Extractor.Pipeline;
using Extractor.Text;

namespace Extractor.IO.Output;

/// <summary>A text's tokens as lines of <c>sentence&lt;TAB&gt;start&lt;TAB&gt;end&lt;TAB&gt;token</c> under a <c># name</c> line: what the tagger sees.</summary>
/// <remarks>Offsets count code points, the unit extract's start and end use, so the two can be compared directly.</remarks>
internal static class TokenListing
{
    /// <summary>Lists every document of <paramref name="items"/> (a <c>DocumentSource</c>'s, so text is what extract
    /// reads: HTML as its visible text, dataset rows one by one) to <paramref name="output"/>; warnings and failures go
    /// to <paramref name="diagnostics"/> as one line each. Returns how many inputs failed.</summary>
    public static int WriteAll(IEnumerable<SourceItem> items, TextWriter output, TextWriter diagnostics)
    {
        int failed = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case SourceDocument document: Write(document.Text, DiagnosticText.Escape(document.Id), output); break;
                case SourceWarning warning: diagnostics.WriteLine($"warning: {warning}"); break;
                case SourceFailure failure: failed++; diagnostics.WriteLine($"error: {failure}"); break;
            }
        }
        return failed;
    }

    /// <summary>Writes the listing of <paramref name="text"/> as the pipeline segments it, headed by <paramref name="name"/>.</summary>
    public static void Write(string text, string name, TextWriter output)
    {
        var segmented = EntityPipeline.Segment(text);
        var (tokens, sentences) = (segmented.Tokens, segmented.Sentences);
        var codePoints = new CodePointIndex(text);
        output.Write($"# {name}\n");
        for (int s = 0; s < sentences.Length; s++)
            for (int i = sentences[s].FirstToken; i < sentences[s].EndToken; i++)
                output.Write($"{s}\t{codePoints.At(tokens[i].Start)}\t{codePoints.At(tokens[i].End)}\t{tokens[i].Of(text)}\n");
    }
}
