using Extractor.Knowledge;
namespace Extractor.Recognition.Features;

/// <summary>Feature template groups; the model file records which were on when it was trained.</summary>
/// <remarks>Groups exist so each one's dev-set contribution can be measured by turning it off (see models/README.md).</remarks>
[Flags]
internal enum FeatureSet : uint
{
    /// <summary>No optional groups: bias, word and lowercased word only.</summary>
    None = 0,
    /// <summary>Lowercased words and word bigrams in a ±2 window.</summary>
    Window = 1 << 0,
    /// <summary>Word shape (Xxxx, dd-dd) of the token and its neighbours.</summary>
    Shape = 1 << 1,
    /// <summary>Prefixes and suffixes of length 1 to 4.</summary>
    Affixes = 1 << 2,
    /// <summary>Capitalization patterns of the window and position in the sentence.</summary>
    Capitalization = 1 << 3,
    /// <summary>Membership in the project's own lists: first names, titles, countries, demonyms, organization and location keywords.</summary>
    Gazetteers = 1 << 4,
    /// <summary>How the same word is written elsewhere in the document (case outside headlines and sentence starts).</summary>
    DocumentCase = 1 << 5,
    /// <summary>Word-class (Brown cluster) path prefixes of the ±2 window.</summary>
    WordClasses = 1 << 6,
    /// <summary>A second pass that sees how the first pass tagged the same word elsewhere in the document.</summary>
    SecondPass = 1 << 7,
    /// <summary>The longest listed name of each phrase list (world places, subdivisions…) at each token, and the token's part in it.</summary>
    PhraseLists = 1 << 8,
    /// <summary>Every group.</summary>
    All = Window | Shape | Affixes | Capitalization | Gazetteers | DocumentCase | WordClasses | SecondPass | PhraseLists,
}
