namespace Extractor.Recognition.Features;

/// <summary>Orthographic facts about one token, computed once per token and shared by every template.</summary>
[Flags]
internal enum TokenFlags : ushort
{
    None = 0,
    InitialCapital = 1 << 0,
    AllCapitals = 1 << 1,
    AllLower = 1 << 2,
    HasDigit = 1 << 3,
    AllDigits = 1 << 4,
    HasHyphen = 1 << 5,
    HasPeriod = 1 << 6,
    Punctuation = 1 << 7,
    HasLetter = 1 << 8,
    SentenceStart = 1 << 9,
    /// <summary>The sentence has no lowercase word of three letters or more: a headline or all-caps line.</summary>
    InCapsSentence = 1 << 10,
}
