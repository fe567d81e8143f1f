using Extractor.Text;

namespace Extractor.Recognition.Features;

/// <summary>Fills the per-token <see cref="TokenInfo"/> of a whole document, including its document-level facts.</summary>
/// <remarks>
/// Document-level facts (how a word is capitalized elsewhere, how the first pass tagged it elsewhere)
/// follow Ratinov &amp; Roth (2009): a name is written the same way throughout an article, while an all-caps
/// headline or a sentence start hides that. One instance per thread: its scratch tables are reused.
/// </remarks>
internal sealed class DocumentFeaturizer
{
    private readonly WordClassTable? _classes;
    private readonly WordLists? _lexicon;
    private readonly Dictionary<ulong, (int CapitalMid, int Lower)> _case = new();
    private readonly Dictionary<ulong, LabelCounts> _labels = new();
    // What Describe makes of a word depends on its text alone, and news repeats its words: computing it once
    // per word type saves a dozen hashes and the class and word-list lookups at every later occurrence.
    private readonly DescriptionCache _described;
    private readonly FeatureIndex? _knownWords;
    // The cache keys of a part's tokens, reused.
    private ulong[] _keys = new ulong[256];

    /// <summary>A featurizer; <paramref name="described"/> may be shared with other threads' featurizers of the same
    /// <paramref name="classes"/>, <paramref name="lexicon"/> and <paramref name="knownWords"/> (default: a cache of its
    /// own). With <paramref name="knownWords"/> (a stage's feature index), <see cref="TokenInfo.KnownWord"/> says whether
    /// the word's own feature has a weight there, for the mention evidence of a calibrated model.</summary>
    public DocumentFeaturizer(WordClassTable? classes, WordLists? lexicon, DescriptionCache? described = null, FeatureIndex? knownWords = null)
    {
        _classes = classes;
        _lexicon = lexicon;
        _described = described ?? new DescriptionCache();
        _knownWords = knownWords;
    }

    /// <summary>After <see cref="Fill"/>: the share of the capitalized words written mid-sentence (outside all-caps
    /// lines) whose <see cref="TokenInfo.KnownWord"/> is set; 1 when there are none.</summary>
    public float KnownNameShare { get; private set; } = 1f;

    /// <summary>Computes everything that does not depend on a model's predictions.</summary>
    public void Fill(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Span<TokenInfo> infos)
    {
        if (_keys.Length < tokens.Length) _keys = new ulong[Math.Max(tokens.Length, 2 * _keys.Length)];
        var describer = new Describer(this);
        _described.DescribeAll(text, tokens, infos, _keys, ref describer);
        foreach (var s in sentences)
            MarkSentence(text, tokens[s.FirstToken..s.EndToken], infos[s.FirstToken..s.EndToken]);
        if (_classes is { MaxPhraseWords: > 0 })
            foreach (var s in sentences)
                MarkPhrases(text, tokens[s.FirstToken..s.EndToken], infos[s.FirstToken..s.EndToken]);
        if (_lexicon?.Lists is { } lists)
            foreach (var s in sentences)
                MarkListed(lists, infos[s.FirstToken..s.EndToken]);
        AddDocumentCase(infos);
    }

    /// <summary>Records the first pass's labels (<paramref name="labels"/>: 0 = outside, 1 + label) for the second pass.</summary>
    public void AddFirstPass(ReadOnlySpan<byte> labels, Span<TokenInfo> infos)
    {
        _labels.Clear();
        for (int i = 0; i < infos.Length; i++)
        {
            infos[i].OwnLabel = labels[i];
            if (!Counted(labels[i], infos[i])) continue;
            ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_labels, infos[i].Lower, out _);
            counts.Add(labels[i]);
        }
        for (int i = 0; i < infos.Length; i++)
        {
            if (!_labels.TryGetValue(infos[i].Lower, out var counts)) { infos[i].ContextLabel = 0; continue; }
            if (Counted(labels[i], infos[i])) counts.Remove(labels[i]);
            infos[i].ContextLabel = counts.Majority();
        }
    }

    /// <summary>Outside tokens count only when capitalized: "the" being untagged says nothing about names.</summary>
    private static bool Counted(byte label, in TokenInfo info) => label != 0 || (info.Flags & TokenFlags.InitialCapital) != 0;

    /// <summary>The featurizer's own description of a word, for the cache to store.</summary>
    private readonly struct Describer(DocumentFeaturizer featurizer) : DescriptionCache.IDescriber
    {
        public void Describe(ReadOnlySpan<char> word, ref TokenInfo info) => featurizer.Describe(word, ref info);
    }

    private void Describe(ReadOnlySpan<char> word, ref TokenInfo info)
    {
        var (shape, shortShape, flags) = WordShape.Compute(word);
        info = default;
        info.Word = StableHash.Of(word);
        info.Lower = StableHash.OfLower(word);
        info.Shape = shape;
        info.ShortShape = shortShape;
        info.Flags = flags;
        info.Prefix1 = StableHash.OfAffix(word, 1, false);
        info.Prefix2 = StableHash.OfAffix(word, 2, false);
        info.Prefix3 = StableHash.OfAffix(word, 3, false);
        info.Prefix4 = StableHash.OfAffix(word, 4, false);
        info.Suffix1 = StableHash.OfAffix(word, 1, true);
        info.Suffix2 = StableHash.OfAffix(word, 2, true);
        info.Suffix3 = StableHash.OfAffix(word, 3, true);
        info.Suffix4 = StableHash.OfAffix(word, 4, true);
        info.Cluster = _classes?.ClusterOf(word) ?? -1;
        if (info.Cluster < 0 && _classes is not null && word.Length > 1 && (flags & TokenFlags.HasLetter) != 0)
            info.Cluster = ClusterOfOtherCase(word, flags);
        info.Gazetteer = _lexicon?.Hits(word) ?? GazetteerHits.None;
        if (_lexicon?.Lists is not null) info.Folded = PhraseLists.Fold(word);
        // Once per word type (the description is cached), so the index's cache misses are not paid per token.
        info.KnownWord = _knownWords is not null && _knownWords.RowOf(FeatureExtractor.WordFeature(info)) >= 0;
    }

    /// <summary>Marks, per phrase list, the longest listed name starting at each capitalized token, left to right
    /// (a name found inside an earlier one of the same list is skipped): the token's part goes into its 4-bit field.</summary>
    private static void MarkListed(PhraseLists lists, Span<TokenInfo> sentence)
    {
        int count = lists.Names.Count;
        Span<int> next = stackalloc int[PhraseLists.MaxLists];
        Span<int> end = stackalloc int[PhraseLists.MaxLists];
        next.Clear();
        for (int i = 0; i < sentence.Length; i++)
        {
            if (!IsCapitalized(sentence[i].Flags)) continue;
            end[..count].Fill(-1);
            ulong h = 0;
            uint any = 0;
            for (int j = i; j < sentence.Length && j < i + PhraseLists.MaxTokens; j++)
            {
                h = PhraseLists.Extend(h, sentence[j].Folded);
                uint bits = lists.Find(h, out bool longer);
                any |= bits;
                for (uint b = bits; b != 0; b &= b - 1) end[System.Numerics.BitOperations.TrailingZeroCount(b)] = j;
                if (!longer) break;
            }
            for (uint b = any; b != 0; b &= b - 1)
            {
                int l = System.Numerics.BitOperations.TrailingZeroCount(b);
                if (i < next[l]) continue;
                int last = end[l];
                for (int k = i; k <= last; k++)
                {
                    ulong part = k == i ? (k == last ? 4UL : 1UL) : k == last ? 3UL : 2UL;
                    sentence[k].ListParts |= part << (4 * l);
                }
                next[l] = last + 1;
            }
        }
    }

    /// <summary>A word without a class of its own takes that of another casing: "JAPAN" → "Japan", sentence-initial "Tomorrow" → "tomorrow".</summary>
    private int ClusterOfOtherCase(ReadOnlySpan<char> word, TokenFlags flags)
    {
        Span<char> buffer = stackalloc char[64];
        if (word.Length > buffer.Length) return -1;
        var other = buffer[..word.Length];
        if ((flags & TokenFlags.AllCapitals) != 0)
        {
            other[0] = word[0];
            for (int i = 1; i < word.Length; i++) other[i] = char.ToLowerInvariant(word[i]);
            int title = _classes!.ClusterOf(other);
            if (title >= 0) return title;
        }
        word.ToLowerInvariant(other);
        return _classes!.ClusterOf(other);
    }

    /// <summary>Marks the name phrases of the class table in a sentence: the longest run of capitalized words starting at
    /// each capitalized word that the table knows, left to right (ALL-CAPS words are looked up in Title case too).</summary>
    private void MarkPhrases(string text, ReadOnlySpan<Token> tokens, Span<TokenInfo> sentence)
    {
        Span<char> buffer = stackalloc char[128];
        for (int i = 0; i < sentence.Length;)
        {
            int run = 0;
            while (run < _classes!.MaxPhraseWords && i + run < sentence.Length && IsCapitalized(sentence[i + run].Flags)) run++;
            int length = run, cluster = -1;
            for (; length >= 2 && cluster < 0; length--)
                cluster = PhraseClass(text, tokens.Slice(i, length), buffer);
            if (cluster < 0) { i++; continue; }
            length++;
            for (int k = 0; k < length; k++)
            {
                sentence[i + k].Phrase = cluster + 1;
                sentence[i + k].PhrasePart = (byte)(k == 0 ? 1 : k == length - 1 ? 3 : 2);
            }
            i += length;
        }
    }

    private static bool IsCapitalized(TokenFlags flags) => (flags & (TokenFlags.InitialCapital | TokenFlags.AllCapitals)) != 0 && (flags & TokenFlags.HasLetter) != 0;

    /// <summary>The class of the words joined by single spaces, as written or with ALL-CAPS words in Title case; -1 if none.</summary>
    private int PhraseClass(string text, ReadOnlySpan<Token> words, Span<char> buffer)
    {
        int n = 0;
        bool capitals = false;
        foreach (var token in words)
        {
            var word = token.Of(text);
            if (n + word.Length + 1 > buffer.Length) return -1;
            if (n > 0) buffer[n++] = WordClassTable.PhraseSeparator;
            word.CopyTo(buffer[n..]);
            if (word.Length > 1 && !word.ContainsAnyInRange('a', 'z')) capitals = true;
            n += word.Length;
        }
        int cluster = _classes!.ClusterOf(buffer[..n]);
        if (cluster >= 0 || !capitals) return cluster;
        // "MANCHESTER UNITED" in an all-caps headline is the club of running text.
        bool start = true;
        for (int i = 0; i < n; i++)
        {
            char c = buffer[i];
            if (c == WordClassTable.PhraseSeparator) { start = true; continue; }
            buffer[i] = start ? c : char.ToLowerInvariant(c);
            start = false;
        }
        return _classes.ClusterOf(buffer[..n]);
    }

    private static void MarkSentence(string text, ReadOnlySpan<Token> tokens, Span<TokenInfo> sentence)
    {
        if (sentence.IsEmpty) return;
        sentence[0].Flags |= TokenFlags.SentenceStart;
        int words = 0, lower = 0, longLower = 0, titled = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            var flags = sentence[i].Flags;
            if ((flags & TokenFlags.HasLetter) == 0) continue;
            words++;
            if ((flags & TokenFlags.AllLower) != 0)
            {
                lower++;
                if (tokens[i].Length >= 4) longLower++;
            }
            else if ((flags & (TokenFlags.InitialCapital | TokenFlags.AllCapitals)) == TokenFlags.InitialCapital) titled++;
        }
        bool titleCase = words >= 3 && longLower == 0 && titled >= 2;
        if (titleCase)
        {
            // A Title Case Headline is rare in CoNLL, whose headlines are ALL CAPS. Presenting it in capitals
            // lets the model treat it as it learned to: by the words' use elsewhere in the document.
            for (int i = 0; i < sentence.Length; i++)
                if ((sentence[i].Flags & TokenFlags.HasLetter) != 0) AsCapitals(tokens[i].Of(text), ref sentence[i]);
        }
        if (titleCase || (words >= 2 && lower == 0))
            foreach (ref var t in sentence) t.Flags |= TokenFlags.InCapsSentence;
    }

    private static void AsCapitals(ReadOnlySpan<char> word, ref TokenInfo info)
    {
        Span<char> upper = stackalloc char[64];
        if (word.Length > upper.Length) return;
        int n = word.ToUpperInvariant(upper);
        var (shape, shortShape, flags) = WordShape.Compute(upper[..n]);
        info.Word = StableHash.OfUpper(word);
        info.Shape = shape;
        info.ShortShape = shortShape;
        info.Flags = flags | (info.Flags & TokenFlags.SentenceStart);
    }

    private void AddDocumentCase(Span<TokenInfo> infos)
    {
        _case.Clear();
        int names = 0, known = 0;
        foreach (ref readonly var t in infos)
        {
            int mid = IsCapitalizedMidSentence(t) ? 1 : 0;
            names += mid;
            if (mid == 1 && t.KnownWord) known++;
            int lower = (t.Flags & TokenFlags.AllLower) != 0 ? 1 : 0;
            if (mid + lower == 0) continue;
            ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_case, t.Lower, out _);
            c = (c.CapitalMid + mid, c.Lower + lower);
        }
        foreach (ref var t in infos)
        {
            if (!_case.TryGetValue(t.Lower, out var c)) continue;
            // Count only the other occurrences: the token's own spelling is already a feature.
            int mid = c.CapitalMid - (IsCapitalizedMidSentence(t) ? 1 : 0);
            int lower = c.Lower - ((t.Flags & TokenFlags.AllLower) != 0 ? 1 : 0);
            t.DocumentCase = (mid > 0 ? DocumentCase.CapitalizedMidSentence : 0) | (lower > 0 ? DocumentCase.Lowercase : 0);
        }
        KnownNameShare = names == 0 ? 1f : (float)known / names;
    }

    private static bool IsCapitalizedMidSentence(in TokenInfo t) =>
        (t.Flags & (TokenFlags.InitialCapital | TokenFlags.SentenceStart | TokenFlags.InCapsSentence)) == TokenFlags.InitialCapital;

    /// <summary>Counts of first-pass labels for one word: index 0 outside (capitalized only), 1.. the labels. A label
    /// past the set is an index out of range, never folded into another.</summary>
    private struct LabelCounts
    {
        private Counts _counts;

        public void Add(byte label) => _counts[label]++;

        public void Remove(byte label) => _counts[label]--;

        /// <summary>The most counted (the first of equals: outside before the labels, labels in enum order).</summary>
        public readonly byte Majority()
        {
            int best = _counts[0];
            byte arg = 0;
            for (int i = 1; i <= EntityLabels.Count; i++)
            {
                if (_counts[i] > best) { best = _counts[i]; arg = (byte)i; }
            }
            return arg;
        }

        [System.Runtime.CompilerServices.InlineArray(EntityLabels.Count + 1)]
        private struct Counts
        {
            private int _first;
        }
    }
}
