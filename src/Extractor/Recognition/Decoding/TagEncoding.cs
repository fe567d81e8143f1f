namespace Extractor.Recognition.Decoding;

/// <summary>How entity spans are spelled as per-token tags.</summary>
public enum TagEncoding : byte
{
    /// <summary>Begin / Inside / Outside (IOB2): 9 tags for 4 labels.</summary>
    Bio = 0,
    /// <summary>Begin / Inside / Last / Outside / Unit: 17 tags; lets the model learn span ends explicitly.</summary>
    Bilou = 1,
}
