namespace Extractor.Recognition;

/// <summary>Turns a token in its sentence into feature ids: the model's templates, in one place.</summary>
/// <remarks>
/// Every template reads precomputed <see cref="TokenInfo"/> values and writes a stable 64-bit id into
/// a caller-supplied span, so extraction allocates nothing. Template numbers are part of the model
/// format (<see cref="TemplateVersion"/>): renumbering one silently invalidates shipped models.
/// </remarks>
internal sealed class FeatureExtractor
{
    /// <summary>Version of the template list below; stored in model files and checked on load.</summary>
    public const int TemplateVersion = 3;

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
    public int Extract(ReadOnlySpan<TokenInfo> s, int i, Span<ulong> f)
    {
        ref readonly var t = ref s[i];
        int n = 0;
        f[n++] = StableHash.Combine(1, 0);
        f[n++] = StableHash.Combine(2, t.Word);
        f[n++] = StableHash.Combine(3, t.Lower);

        if ((_set & FeatureSet.Window) != 0)
        {
            ulong lm2 = Lower(s, i - 2), lm1 = Lower(s, i - 1), lp1 = Lower(s, i + 1), lp2 = Lower(s, i + 2);
            f[n++] = StableHash.Combine(10, lm2);
            f[n++] = StableHash.Combine(11, lm1);
            f[n++] = StableHash.Combine(12, lp1);
            f[n++] = StableHash.Combine(13, lp2);
            f[n++] = StableHash.Combine(14, lm1, t.Lower);
            f[n++] = StableHash.Combine(15, t.Lower, lp1);
        }
        if ((_set & FeatureSet.Shape) != 0)
        {
            ulong sm1 = ShortShape(s, i - 1), sp1 = ShortShape(s, i + 1);
            f[n++] = StableHash.Combine(20, t.Shape);
            f[n++] = StableHash.Combine(21, t.ShortShape);
            f[n++] = StableHash.Combine(22, sm1);
            f[n++] = StableHash.Combine(23, sp1);
            f[n++] = StableHash.Combine(24, sm1 ^ (t.ShortShape * 31), sp1);
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
        if ((_set & FeatureSet.DocumentCase) != 0)
        {
            ulong where = (ulong)(t.Flags & (TokenFlags.SentenceStart | TokenFlags.InCapsSentence | TokenFlags.InitialCapital));
            f[n++] = StableHash.Combine(60, (ulong)t.DocumentCase, where);
        }
        if (_classes is not null && (_set & FeatureSet.WordClasses) != 0)
        {
            // Templates 70-89 for the first layer's prefixes (as in version 1 models), 200+ for further layers.
            int prefixes = _classes.PrefixCount;
            for (int d = -2; d <= 2; d++)
                for (int k = 0; k < prefixes; k++)
                {
                    int template = k < 4 ? 70 + (d + 2) * 4 + k : 200 + (d + 2) * 32 + k;
                    f[n++] = StableHash.Combine(template, ClassPrefix(s, i + d, k));
                }
            // Class bigrams and class × shape: the class says what kind of word, its neighbours and case say in what role.
            f[n++] = StableHash.Combine(90, ClassPrefix(s, i - 1, 1), ClassPrefix(s, i, 1));
            f[n++] = StableHash.Combine(91, ClassPrefix(s, i, 1), ClassPrefix(s, i + 1, 1));
            f[n++] = StableHash.Combine(92, ClassPrefix(s, i, 2), t.ShortShape);
        }
        if ((_set & FeatureSet.SecondPass) != 0)
        {
            f[n++] = StableHash.Combine(100, t.ContextLabel);
            f[n++] = StableHash.Combine(101, t.ContextLabel, t.ShortShape);
            f[n++] = StableHash.Combine(102, OwnLabel(s, i - 1), t.OwnLabel);
            f[n++] = StableHash.Combine(103, t.OwnLabel, OwnLabel(s, i + 1));
        }
        return n;
    }

    private static int AddGazetteer(Span<ulong> f, int n, int template, GazetteerHits hits)
    {
        for (uint bits = (uint)hits; bits != 0; bits &= bits - 1)
            f[n++] = StableHash.Combine(template, bits & (~bits + 1));
        return n;
    }

    private static ulong Lower(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].Lower : Padding + (ulong)(i < 0 ? 1 : 2);

    private static ulong ShortShape(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].ShortShape : Padding + (ulong)(i < 0 ? 3 : 4);

    private static GazetteerHits Gazetteer(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].Gazetteer : GazetteerHits.None;

    private static int ClusterAt(ReadOnlySpan<TokenInfo> s, int i) => (uint)i < (uint)s.Length ? s[i].Cluster : (i < 0 ? -2 : -3);

    private ulong ClassPrefix(ReadOnlySpan<TokenInfo> s, int i, int k)
    {
        int cluster = ClusterAt(s, i);
        return cluster < 0 ? NoClass + (ulong)cluster : _classes!.Prefix(cluster, k);
    }

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
