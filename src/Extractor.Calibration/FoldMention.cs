namespace Extractor.Calibration;

/// <summary>One predicted mention of a cross-validation fold: its evidence (as <c>MentionEvidence.Write</c> lays it
/// out, before the log-odds transform), whether it is exactly right, and whether its name was unseen in training;
/// <see cref="Document"/> numbers its document within the fold, for resampling whole documents.</summary>
internal sealed record FoldMention(int Fold, int Document, float[] Evidence, bool Right, bool Unseen)
{
    /// <summary>The tagger's raw score (the lowest token marginal).</summary>
    public float Raw => Evidence[0];
}
