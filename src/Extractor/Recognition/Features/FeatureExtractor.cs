using Extractor.Knowledge;
namespace Extractor.Recognition.Features;

/// <summary>Turns a token in its sentence into feature ids: the model's templates, in one place.</summary>
/// <remarks>
/// Every template reads precomputed <see cref="TokenInfo"/> values and writes a stable 64-bit id into
/// a caller-supplied span, so extraction allocates nothing. Template numbers are part of the model
/// format (<see cref="TemplateVersion"/>): renumbering one silently invalidates shipped models.
/// </remarks>
internal sealed class FeatureExtractor
{
    /// <summary>Version of the template list below; stored in model files and checked on load.</summary>
    /// <remarks>4 added the name-phrase templates 94-97: a build before it would load a newer model and silently leave them out.
    /// 5 added the phrase-list templates 110-112.</remarks>
    public const int TemplateVersion = 5;

    /// <summary>The oldest template list a model may have been trained with: each version only added templates, which a
    /// model's feature groups switch on, so an older model reads the same features it was trained with.</summary>
    public const int OldestTemplateVersion = 4;

    /// <summary>How far the window reaches to each side: word features exist for offsets −2 to +2.</summary>
    public const int WindowReach = 2;

    /// <summary>Upper bound on features per token; sizes callers' buffers.</summary>
    public const int MaxFeatures = 192;

    private const ulong Padding = 0x0BAD_F00D_0BAD_F00DUL;
    private const ulong NoClass = 0x7E57_C1A5_5E5D_0000UL;

    private readonly FeatureSet _set;
    private readonly WordClassTable? _classes;

    public FeatureExtractor(FeatureSet set, WordClassTable? classes)
    {
        _set = classes is null ? set & ~FeatureSet.WordClasses : set;
        _classes = classes;
    }

    /// <summary>The groups actually in use (word classes drop out when no class table is given).</summary>
    public FeatureSet Set => _set;

    /// <summary>Writes the features of token <paramref name="i"/> of <paramref name="s"/>; returns how many.</summary>
    /// <remarks>The union of <see cref="ExtractContext"/> and <see cref="ExtractWord"/> at offsets −2 to +2:
    /// training uses this whole list, while tagging takes the word part from <c>WordScoreCache</c>.</remarks>
    public int Extract(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        int n = ExtractContext(s, i, f);
        for (int d = -WindowReach; d <= WindowReach; d++)
            n += ExtractWord(At(s, i + d), d, f[n..]);
        return n;
    }

    /// <summary>The id of the token's exact-word feature: a model that has a weight for it met the word in training.</summary>
    public static ulong WordFeature(in TokenInfo t) => StableHash.Combine(2, t.Word);

    /// <summary>Writes the features that token <paramref name="t"/> contributes to the token <paramref name="offset"/>
    /// places after it (its own word at 0, its left neighbour's word at −1, ...); returns how many.</summary>
    /// <remarks>These read only values derived from the word's own text (never flags, sentence position or
    /// document facts), so a word's weighted sum at each offset can be cached per word type. Padding beyond
    /// the sentence edges is <see cref="LeftPad"/> or <see cref="RightPad"/>.</remarks>
    public int ExtractWord(in TokenInfo t, int offset, Span<ulong> f)
    {
        int n = 0;
        switch (offset)
        {
            case 0:
                f[n++] = StableHash.Combine(1, 0);
                f[n++] = WordFeature(t);
                f[n++] = StableHash.Combine(3, t.Lower);
                if ((_set & FeatureSet.Shape) != 0)
                {
                    f[n++] = StableHash.Combine(20, t.Shape);
                    f[n++] = StableHash.Combine(21, t.ShortShape);
                }
                if ((_set & FeatureSet.Affixes) != 0)
                {
                    f[n++] = StableHash.Combine(30, t.Prefix1);
                    f[n++] = StableHash.Combine(31, t.Prefix2);
                    f[n++] = StableHash.Combine(32, t.Prefix3);
                    f[n++] = StableHash.Combine(33, t.Prefix4);
                    f[n++] = StableHash.Combine(34, t.Suffix1);
                    f[n++] = StableHash.Combine(35, t.Suffix2);
                    f[n++] = StableHash.Combine(36, t.Suffix3);
                    f[n++] = StableHash.Combine(37, t.Suffix4);
                }
                break;
            case -2 or 2:
                if ((_set & FeatureSet.Window) != 0) f[n++] = StableHash.Combine(offset < 0 ? 10 : 13, t.Lower);
                break;
            default:
                if ((_set & FeatureSet.Window) != 0) f[n++] = StableHash.Combine(offset < 0 ? 11 : 12, t.Lower);
                if ((_set & FeatureSet.Shape) != 0) f[n++] = StableHash.Combine(offset < 0 ? 22 : 23, t.ShortShape);
                break;
        }
        if (_classes is not null && (_set & FeatureSet.WordClasses) != 0)
        {
            // Templates 70-89 for the first layer's prefixes (as in version 1 models), 200+ for further layers.
            int prefixes = _classes.PrefixCount;
            for (int k = 0; k < prefixes; k++)
            {
                int template = k < 4 ? 70 + (offset + 2) * 4 + k : 200 + (offset + 2) * 32 + k;
                f[n++] = StableHash.Combine(template, ClassPrefix(t, k));
            }
            if (offset == 0) f[n++] = StableHash.Combine(92, ClassPrefix(t, 2), t.ShortShape);
        }
        return n;
    }

    /// <summary>Writes the features of token <paramref name="i"/> that depend on more than one word's text:
    /// bigrams, capitalization in context, word lists, document facts, name phrases' classes and the first pass's labels.</summary>
    public int ExtractContext(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        int n = 0;
        if ((_set & FeatureSet.Window) != 0)
        {
            f[n++] = StableHash.Combine(14, At(s, i - 1).Lower, t.Lower);
            f[n++] = StableHash.Combine(15, t.Lower, At(s, i + 1).Lower);
        }
        if ((_set & FeatureSet.Shape) != 0)
            f[n++] = StableHash.Combine(24, At(s, i - 1).ShortShape ^ (t.ShortShape * 31), At(s, i + 1).ShortShape);
        if ((_set & FeatureSet.Capitalization) != 0)
        {
            ulong pattern = (ulong)(CaseCode(s, i - 1) * 25 + CaseCode(s, i) * 5 + CaseCode(s, i + 1));
            ulong position = (ulong)(t.Flags & (TokenFlags.SentenceStart | TokenFlags.InCapsSentence));
            f[n++] = StableHash.Combine(40, pattern);
            f[n++] = StableHash.Combine(41, position, t.ShortShape);
            f[n++] = StableHash.Combine(42, position, (ulong)CaseCode(s, i));
            if ((t.Flags & TokenFlags.InCapsSentence) != 0)
                f[n++] = StableHash.Combine(43, t.Lower);
        }
        if ((_set & FeatureSet.Gazetteers) != 0)
        {
            n = AddGazetteer(f, n, 50, Gazetteer(s, i - 1));
            n = AddGazetteer(f, n, 51, t.Gazetteer);
            n = AddGazetteer(f, n, 52, Gazetteer(s, i + 1));
        }
        if ((_set & FeatureSet.PhraseLists) != 0)
        {
            // Per list, the token's part in the longest listed name there; and whether a listed name starts right
            // after it ("near [Lashkar Gah]", "[Kandahar] province" get the context, the name its part).
            for (int l = 0; l < PhraseLists.MaxLists && (t.ListParts >> (4 * l)) != 0; l++)
            {
                ulong part = (t.ListParts >> (4 * l)) & 0xF;
                if (part == 0) continue;
                f[n++] = StableHash.Combine(110, (ulong)l * 8 + part);
                f[n++] = StableHash.Combine(111, (ulong)l * 8 + part, t.ShortShape);
            }
            ulong after = At(s, i + 1).ListParts;
            for (int l = 0; l < PhraseLists.MaxLists && (after >> (4 * l)) != 0; l++)
                if (((after >> (4 * l)) & 0xF) is 1 or 4) f[n++] = StableHash.Combine(112, (ulong)l);
        }
        if ((_set & FeatureSet.DocumentCase) != 0)
        {
            ulong where = (ulong)(t.Flags & (TokenFlags.SentenceStart | TokenFlags.InCapsSentence | TokenFlags.InitialCapital));
            f[n++] = StableHash.Combine(60, (ulong)t.DocumentCase, where);
        }
        if (_classes is not null && (_set & FeatureSet.WordClasses) != 0)
        {
            // Class bigrams: the class says what kind of word, its neighbours say in what role.
            f[n++] = StableHash.Combine(90, ClassPrefix(At(s, i - 1), 1), ClassPrefix(t, 1));
            f[n++] = StableHash.Combine(91, ClassPrefix(t, 1), ClassPrefix(At(s, i + 1), 1));
            // A name phrase's class says what the whole name is ("Manchester United": a club), which its words' classes
            // (a city, then a common word) cannot; the part says where in the name the token sits.
            if (t.Phrase > 0)
                for (int k = 0; k < 4; k++)
                    f[n++] = StableHash.Combine(94 + k, _classes.Prefix(t.Phrase - 1, k), t.PhrasePart);
        }
        return n + ExtractSecondPass(s, i, f[n..]);
    }

    /// <summary>Writes the features of token <paramref name="i"/> that read the first pass's labels (the last of
    /// <see cref="ExtractContext"/>'s, so a two-pass tagger can add them after the others, <c>StagePair</c>).</summary>
    public int ExtractSecondPass(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        if ((_set & FeatureSet.SecondPass) == 0) return 0;
        ref readonly var t = ref s[i];
        f[0] = StableHash.Combine(100, t.ContextLabel);
        f[1] = StableHash.Combine(101, t.ContextLabel, t.ShortShape);
        f[2] = StableHash.Combine(102, OwnLabel(s, i - 1), t.OwnLabel);
        f[3] = StableHash.Combine(103, t.OwnLabel, OwnLabel(s, i + 1));
        return 4;
    }

    /// <summary>What the templates read before a sentence's first token.</summary>
    public static readonly TokenInfo LeftPad = new() { Lower = Padding + 1, ShortShape = Padding + 3, Cluster = -2 };

    /// <summary>What the templates read after a sentence's last token.</summary>
    public static readonly TokenInfo RightPad = new() { Lower = Padding + 2, ShortShape = Padding + 4, Cluster = -3 };

    /// <summary>Token <paramref name="i"/> of the sentence, or the padding on the side it falls off.</summary>
    private static ref readonly TokenInfo At(ReadOnlySpan<TokenInfo> s, int i)
    {
        if ((uint)i < (uint)s.Length) return ref s[i];
        return ref i < 0 ? ref LeftPad : ref RightPad;
    }

    private static int AddGazetteer(Span<ulong> f, int n, int template, GazetteerHits hits)
    {
        for (uint bits = (uint)hits; bits != 0; bits &= bits - 1)
            f[n++] = StableHash.Combine(template, bits & (~bits + 1));
        return n;
    }

    private static GazetteerHits Gazetteer(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].Gazetteer : GazetteerHits.None;

    /// <summary>Prefix <paramref name="k"/> of the word's class path; a word without a class (-1) and the two paddings (-2, -3) each have their own value.</summary>
    private ulong ClassPrefix(in TokenInfo t, int k) =>
        t.Cluster < 0 ? NoClass + (ulong)t.Cluster : _classes!.Prefix(t.Cluster, k);

    private static ulong OwnLabel(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].OwnLabel : 99UL;

    /// <summary>0 padding, 1 initial capital, 2 all capitals, 3 lowercase, 4 anything else (digits, punctuation).</summary>
    private static int CaseCode(ReadOnlySpan<TokenInfo> s, int i)
    {
        if ((uint)i >= (uint)s.Length) return 0;
        var flags = s[i].Flags;
        if ((flags & TokenFlags.AllCapitals) != 0 && (flags & TokenFlags.HasLetter) != 0) return 2;
        if ((flags & TokenFlags.InitialCapital) != 0) return 1;
        if ((flags & TokenFlags.AllLower) != 0) return 3;
        return 4;
    }
}
