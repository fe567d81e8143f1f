using Extractor.Text;

namespace Extractor.Recognition.Decoding;

/// <summary>The tag inventory for one <see cref="TagEncoding"/> and its table of allowed transitions.</summary>
/// <remarks>
/// Tag 0 is always O. Label <c>l</c> owns a block of tags: BIO uses B=1+2l, I=2+2l; BILOU uses
/// B=1+4l, I=2+4l, L=3+4l, U=4+4l. Invalid sequences are forbidden inside Viterbi (rather than
/// repaired afterwards) so decoded spans are always well formed.
/// </remarks>
internal sealed class TagSet
{
    /// <summary>The outside tag.</summary>
    public const int Outside = 0;

    private readonly bool[] _allowed;
    private readonly bool[] _allowedStart;
    private readonly bool[] _allowedEnd;

    /// <summary>Creates the tag set for an encoding.</summary>
    public TagSet(TagEncoding encoding)
    {
        Encoding = encoding;
        Width = encoding == TagEncoding.Bio ? 2 : 4;
        Count = 1 + Width * EntityLabels.Count;
        _allowed = new bool[Count * Count];
        _allowedStart = new bool[Count];
        _allowedEnd = new bool[Count];
        for (int to = 0; to < Count; to++)
        {
            _allowedStart[to] = OpensOrOutside(to);
            _allowedEnd[to] = ClosesOrOutside(to);
            for (int from = 0; from < Count; from++)
                _allowed[from * Count + to] = IsValid(from, to);
        }
    }

    /// <summary>The encoding this set spells.</summary>
    public TagEncoding Encoding { get; }

    /// <summary>Number of tags, O included.</summary>
    public int Count { get; }

    private int Width { get; }

    /// <summary>Whether <paramref name="to"/> may follow <paramref name="from"/>.</summary>
    public bool Allowed(int from, int to) => _allowed[from * Count + to];

    /// <summary>Whether a sentence may start with <paramref name="tag"/>.</summary>
    public bool AllowedStart(int tag) => _allowedStart[tag];

    /// <summary>Whether a sentence may end with <paramref name="tag"/>.</summary>
    public bool AllowedEnd(int tag) => _allowedEnd[tag];

    /// <summary>The entity label of a non-O tag.</summary>
    public EntityLabel LabelOf(int tag) => (EntityLabel)((tag - 1) / Width);

    /// <summary>The position part of a tag: 0=B, 1=I, 2=L, 3=U (BIO uses only B and I).</summary>
    public int PartOf(int tag) => (tag - 1) % Width;

    /// <summary>Whether the tag begins a span (B, or U in BILOU).</summary>
    public bool Begins(int tag) => tag != Outside && (PartOf(tag) == 0 || PartOf(tag) == 3);

    /// <summary>Tag for label and part (0=B, 1=I, 2=L, 3=U).</summary>
    public int TagOf(EntityLabel label, int part) => 1 + (int)label * Width + part;

    /// <summary>A readable name such as <c>B-PER</c>, <c>U-LOC</c> or <c>O</c>.</summary>
    public string NameOf(int tag) =>
        tag == Outside ? "O" : "BILU"[PartOf(tag)] + "-" + LabelOf(tag).ToConll();

    /// <summary>Writes the tags that spell <paramref name="spans"/> over the tokens of one sentence.</summary>
    /// <param name="tags">Receives one tag per token.</param>
    /// <param name="spans">Non-overlapping (first token, end token, label) spans relative to the sentence.</param>
    public void Encode(ReadOnlySpan<(int First, int End, EntityLabel Label)> spans, Span<int> tags)
    {
        tags.Clear();
        foreach (var (first, end, label) in spans)
        {
            if (Encoding == TagEncoding.Bio)
            {
                tags[first] = TagOf(label, 0);
                for (int i = first + 1; i < end; i++) tags[i] = TagOf(label, 1);
            }
            else if (end - first == 1)
            {
                tags[first] = TagOf(label, 3);
            }
            else
            {
                tags[first] = TagOf(label, 0);
                for (int i = first + 1; i < end - 1; i++) tags[i] = TagOf(label, 1);
                tags[end - 1] = TagOf(label, 2);
            }
        }
    }

    /// <summary>Reads spans back from a tag sequence, appending <c>(first, end, label)</c> token ranges relative to <paramref name="tags"/>.</summary>
    /// <remarks>The one place that turns tags into spans, for inference, training's scoring and evaluation alike.</remarks>
    public void Decode(ReadOnlySpan<int> tags, List<(int First, int End, EntityLabel Label)> spans)
    {
        int start = -1;
        for (int i = 0; i <= tags.Length; i++)
        {
            int tag = i < tags.Length ? tags[i] : Outside;
            bool continues = tag != Outside && !Begins(tag) && start >= 0 && LabelOf(tag) == LabelOf(tags[start]);
            if (start >= 0 && !continues)
            {
                spans.Add((start, i, LabelOf(tags[start])));
                start = -1;
            }
            if (tag != Outside && start < 0) start = i;
        }
    }

    private bool OpensOrOutside(int tag) => tag == Outside || Begins(tag);

    private bool ClosesOrOutside(int tag) =>
        tag == Outside || (Encoding == TagEncoding.Bio ? true : PartOf(tag) is 2 or 3);

    private bool IsValid(int from, int to)
    {
        bool fromOpen = from != Outside && (Encoding == TagEncoding.Bio ? false : PartOf(from) is 0 or 1);
        if (Encoding == TagEncoding.Bio)
        {
            // I-X continues only a B-X or I-X of the same label.
            if (to != Outside && PartOf(to) == 1)
                return from != Outside && LabelOf(from) == LabelOf(to);
            return true;
        }
        if (fromOpen)
            return to != Outside && PartOf(to) is 1 or 2 && LabelOf(to) == LabelOf(from);
        return OpensOrOutside(to);
    }
}
