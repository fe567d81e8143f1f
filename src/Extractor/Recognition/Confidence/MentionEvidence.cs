using Extractor.Text;

namespace Extractor.Recognition.Confidence;

/// <summary>
/// What the recognizer knows about one mention beyond its tokens' marginals: the facts a confidence model reads to
/// tell a risky mention from a safe one (issue #21).
/// </summary>
/// <remarks>All values are numbers so a calibrator can read them as a fixed-length vector (<see cref="Write"/>); the
/// order of <see cref="Names"/> is part of the model file format and only grows at the end.</remarks>
internal readonly record struct MentionEvidence
{
    /// <summary>The features in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "marginal", "mean-marginal", "tokens", "per", "org", "loc", "misc", "caps-line", "sentence-start",
        "rule-changed", "first-pass-agrees", "context-agrees", "class-coverage", "in-phrase", "in-list",
        "lowercase-elsewhere", "same-surface", "surface-agrees", "seen-words",
        "part-known-names",
    ];

    /// <summary>Length of the vector <see cref="Write"/> fills.</summary>
    public static int Count => Names.Count;

    /// <summary>The lowest marginal over the tokens the tagger put in the span (the raw score).</summary>
    public float Marginal { get; init; }

    /// <summary>The mean marginal over those tokens.</summary>
    public float MeanMarginal { get; init; }

    /// <summary>Tokens in the mention.</summary>
    public int Tokens { get; init; }

    /// <summary>The mention's type.</summary>
    public EntityLabel Label { get; init; }

    /// <summary>A user's lexicon gave the mention (its score stays 1).</summary>
    public bool Listed { get; init; }

    /// <summary>The mention sits in an all-capitals line (a headline) or is written in capitals only.</summary>
    public bool CapsLine { get; init; }

    /// <summary>The mention starts its sentence, where capitalization says nothing.</summary>
    public bool SentenceStart { get; init; }

    /// <summary>A name rule moved an edge or changed the type of the tagger's span.</summary>
    public bool RuleChanged { get; init; }

    /// <summary>Share of the mention's tokens that the first pass gave the same type.</summary>
    public float FirstPassAgrees { get; init; }

    /// <summary>Share of its tokens whose word the first pass tags with this type most often elsewhere in the document.</summary>
    public float ContextAgrees { get; init; }

    /// <summary>Share of its tokens that have a word class (words seen often enough in the unlabeled text).</summary>
    public float ClassCoverage { get; init; }

    /// <summary>Some token is part of a known name phrase of the unlabeled text.</summary>
    public bool InPhrase { get; init; }

    /// <summary>Some token is part of a name in one of the model's phrase lists.</summary>
    public bool InList { get; init; }

    /// <summary>Some token's word is written in lowercase elsewhere in the document (a common word).</summary>
    public bool LowercaseElsewhere { get; init; }

    /// <summary>Other mentions with the same surface in the document.</summary>
    public int SameSurface { get; init; }

    /// <summary>Share of those other mentions with the same type (1 when there are none).</summary>
    public float SurfaceAgrees { get; init; }

    /// <summary>Share of its tokens whose exact word has a weight in the first pass: words the tagger learned something
    /// about in training (a word seen only where it taught nothing keeps no weight).</summary>
    public float SeenWords { get; init; }

    /// <summary>Share of the part's capitalized words (mid-sentence, outside all-caps lines) that have a weight in
    /// the model: low in text whose names the tagger never met, whatever this mention is.</summary>
    public float PartKnownNames { get; init; }

    /// <summary>Writes the features, in the order of <see cref="Names"/>, to <paramref name="vector"/>.</summary>
    public void Write(Span<float> vector)
    {
        vector[0] = Marginal;
        vector[1] = MeanMarginal;
        vector[2] = Tokens;
        vector[3] = Label == EntityLabel.Person ? 1 : 0;
        vector[4] = Label == EntityLabel.Organization ? 1 : 0;
        vector[5] = Label == EntityLabel.Location ? 1 : 0;
        vector[6] = Label == EntityLabel.Misc ? 1 : 0;
        vector[7] = CapsLine ? 1 : 0;
        vector[8] = SentenceStart ? 1 : 0;
        vector[9] = RuleChanged ? 1 : 0;
        vector[10] = FirstPassAgrees;
        vector[11] = ContextAgrees;
        vector[12] = ClassCoverage;
        vector[13] = InPhrase ? 1 : 0;
        vector[14] = InList ? 1 : 0;
        vector[15] = LowercaseElsewhere ? 1 : 0;
        vector[16] = MathF.Log(1 + SameSurface);
        vector[17] = SurfaceAgrees;
        vector[18] = SeenWords;
        vector[19] = PartKnownNames;
    }
}
