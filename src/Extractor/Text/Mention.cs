namespace Extractor.Text;

/// <summary>One tagged entity span: half-open UTF-16 offsets, its token range, sentence and model confidence.</summary>
/// <param name="Start">First UTF-16 offset of the span in the document text.</param>
/// <param name="End">Offset just past the span (exclusive).</param>
/// <param name="FirstToken">Index of the span's first token.</param>
/// <param name="EndToken">Index just past the span's last token.</param>
/// <param name="Sentence">0-based sentence index.</param>
/// <param name="Label">The model's entity class.</param>
/// <param name="Score">Confidence in 0..1 (the lowest per-token marginal-like score over the span).</param>
public readonly record struct Mention(int Start, int End, int FirstToken, int EndToken, int Sentence, EntityLabel Label, float Score)
{
    /// <summary>The mention's surface text within <paramref name="text"/>.</summary>
    public string TextOf(string text) => text.Substring(Start, End - Start);
}
