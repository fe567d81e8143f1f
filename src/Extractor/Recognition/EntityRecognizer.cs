using System.Collections.Concurrent;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Neural;
using Extractor.Recognition.Scoring;
using Extractor.Recognition.Spans;
using Extractor.Text;

namespace Extractor.Recognition;

/// <summary>Tags entity mentions in tokenized text with a <see cref="NerModel"/>. Thread-safe.</summary>
/// <remarks>
/// Each call borrows a workspace (buffers, scratch tables) from a pool, so steady-state tagging
/// allocates only the returned mentions, whatever the number of threads.
/// </remarks>
internal sealed class EntityRecognizer
{
    private readonly NerModel _model;
    private readonly WordLists? _lexicon;
    private readonly FeatureExtractor _first;
    private readonly FeatureExtractor? _second;
    private readonly StagePair? _pair;
    private readonly WordScoreCache[] _wordScores;
    private readonly DescriptionCache _described = new();
    private readonly int _maxPartTokens;
    private readonly ConcurrentBag<Workspace> _pool = [];
    private readonly NameSpanRules? _rules;
    private readonly Extractor.Knowledge.UserLexicon? _userLexicon;
    private readonly MentionCalibrator? _calibrator;
    private readonly NeuralModel? _accurate;
    private readonly TierScores? _tierScores;
    private readonly Lock _largeDocumentsLock = new();
    private int _largeDocuments;

    /// <summary>Creates a recognizer; <paramref name="lexicon"/> is required when the model uses word lists.</summary>
    public EntityRecognizer(NerModel model, WordLists? lexicon)
        : this(model, lexicon, RecognizerOptions.Default)
    {
    }

    /// <summary>Creates a recognizer with <paramref name="options"/> (name rules on or off).</summary>
    public EntityRecognizer(NerModel model, WordLists? lexicon, RecognizerOptions options)
        : this(model, lexicon, MaxPartTokens, options)
    {
    }

    /// <summary>Builds the shared tables a recognizer uses (word lists, name rules) ahead of the first one, so that a
    /// start-up can build them on a spare core while the model loads.</summary>
    internal static void PrepareShared()
    {
        _ = WordLists.Default;
        _ = NameSpanRules.Default;
    }

    /// <summary>As the public constructor, with parts of at most <paramref name="maxPartTokens"/> tokens (tests make them small).</summary>
    internal EntityRecognizer(NerModel model, WordLists? lexicon, int maxPartTokens, RecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= RecognizerOptions.Default;
        _rules = options.NameRules ? NameSpanRules.Default : null;
        _userLexicon = options.UserLexicon is { Count: > 0 } userLexicon ? userLexicon : null;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPartTokens, 1);
        _maxPartTokens = maxPartTokens;
        if (model.UsesWordLists && lexicon is null)
            throw new ArgumentException("This model was trained with word-list features; pass the lexicon.", nameof(lexicon));
        _model = model;
        _accurate = options.Accurate;
        if (_accurate is not null && _accurate.ClassesFingerprint != NeuralInputs.Fingerprint(model.Classes, model.Lists))
            throw new ArgumentException($"the accurate tier was trained with the word classes and lists of model {_accurate.BaseModel}; model {model.Info.Version} has others", nameof(options));
        // The calibrator was fitted to the perceptron's evidence; the accurate tier's mentions keep their CRF marginals.
        _calibrator = options.RawScores || _accurate is not null ? null : model.Calibrator;
        // The phrase lists travel in the model; the word lists come with the library.
        _lexicon = model.Lists is null ? lexicon : lexicon?.WithLists(model.Lists);
        _first = new FeatureExtractor(model.FirstPass.Features, model.Classes);
        _second = model.SecondPass is null ? null : new FeatureExtractor(model.SecondPass.Features, model.Classes);
        _pair = model.SecondPass is null ? null : StagePair.TryCreate(model.FirstPass, _first, model.SecondPass, _second!, model.PairedWeights);
        // The tier adds the base model's second-pass scores, which the paired stages keep for the whole part; a base
        // model whose passes do not pair (a second pass with other features: none that `extractor train` makes, and
        // never the shipped one) leaves the network to tag alone.
        if (_accurate is { PerceptronWeight: > 0 } tier && _pair is { } both) _tierScores = new TierScores(tier, both.Second);
        // Shared by every thread: each word type is scored once per run, and one copy sits in the shared cache.
        _wordScores = _pair is not null ? []
            : model.SecondPass is null ? [new WordScoreCache(model.FirstPass, _first)]
            : [new WordScoreCache(model.FirstPass, _first), new WordScoreCache(model.SecondPass, _second!)];
    }

    /// <summary>Empties the shared caches of word descriptions and word scores, which a long varied text fills (about
    /// 55 MB), and lets go of the idle workspaces, whose buffers a long document grows to its largest window (about
    /// 12 MB each); tagging then fills and makes them again as needed. Output never depends on what they hold.</summary>
    internal void StartCachesOver()
    {
        _pool.Clear();
        StartCachesOver(WordScoreCache.DefaultCapacity, DescriptionCache.Capacity);
    }

    private void StartCachesOver(int scored, int described)
    {
        _described.StartOver(described);
        _pair?.Words.StartOver(scored);
        foreach (var cache in _wordScores) cache.StartOver(scored);
    }

    /// <summary>Word types the shared caches hold while a large document is tagged (see <see cref="BeginLargeDocument"/>).</summary>
    internal const int LargeDocumentCachedTypes = 1 << 15;

    /// <summary>Says that a large document is about to be tagged: until as many <see cref="EndLargeDocument"/> calls
    /// follow, the shared caches start over holding <see cref="LargeDocumentCachedTypes"/> word types instead of
    /// 65,536.</summary>
    /// <remarks>
    /// A long varied text fills the caches several times over (a 21.6 MB Wikipedia text holds hundreds of thousands of
    /// word types), so they cost their full size, about 55 MB, for the whole of its tagging, beside the text and its
    /// mentions: more than the text itself. Half the size saves about 27 MB of that, and the text's common words
    /// still fit (docs/memory.md, fifteenth session). A batch of articles never calls this, and keeps caches that
    /// hold the benchmark corpus's 37,835 types without starting over. Output never depends on what the caches hold.
    /// </remarks>
    internal void BeginLargeDocument()
    {
        lock (_largeDocumentsLock)
        {
            if (++_largeDocuments == 1) StartCachesOver(LargeDocumentCachedTypes, LargeDocumentCachedTypes);
        }
    }

    /// <summary>Ends what <see cref="BeginLargeDocument"/> began: after the last large document in tagging, the caches
    /// and idle workspaces start over as in <see cref="StartCachesOver()"/>, at their full size.</summary>
    internal void EndLargeDocument()
    {
        lock (_largeDocumentsLock)
        {
            if (--_largeDocuments == 0) StartCachesOver();
        }
    }

    /// <summary>Word types the shared caches hold now: described, scored (tests watch them start over).</summary>
    internal (int Described, int Scored) CachedWordTypes =>
        (_described.Count, _pair is { } pair ? pair.Words.Count : _wordScores.Length > 0 ? _wordScores[0].Count : 0);

    /// <summary>Word types the shared caches hold before they start over, now.</summary>
    internal (int Described, int Scored) CacheCapacities =>
        (_described.CurrentCapacity, _pair is { } pair ? pair.Words.CurrentCapacity : _wordScores.Length > 0 ? _wordScores[0].CurrentCapacity : 0);

    /// <summary>The most tokens tagged together, sharing one set of document-level facts; a longer document is
    /// tagged in parts of whole sentences up to this size.</summary>
    /// <remarks>32,768 tokens is about 25,000 words, more than a news article holds, so articles are tagged whole.
    /// A book or a dump of many articles in one file is not: tagged whole, it needed ~120 bytes of working state
    /// per token at once (a 30 MB text of 5.8M tokens peaked at 1.6 GB), and a document's facts about a word
    /// ("capitalized elsewhere", "tagged as a person elsewhere") say little across a whole book.</remarks>
    public const int MaxPartTokens = 1 << 15;

    /// <summary>Finds the mentions in <paramref name="text"/>, given its tokens and sentences.</summary>
    public Mention[] Recognize(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences) =>
        Recognize(text, tokens, sentences, null);

    /// <summary>As <see cref="Recognize(string, ReadOnlySpan{Token}, ReadOnlySpan{Sentence})"/>, also adding each
    /// mention's <see cref="MentionEvidence"/> to <paramref name="evidence"/> (in mention order) when it is not null.</summary>
    public Mention[] Recognize(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, List<MentionEvidence>? evidence)
    {
        if (tokens.IsEmpty || sentences.IsEmpty) return [];
        var ws = _pool.TryTake(out var w) ? w : new Workspace(_model.Classes, _lexicon, _described, _wordScores, _model.FirstPass.Index);
        var mentions = new List<Mention>();
        ws.Evidence.Clear();
        ws.Gathers = evidence is not null || _calibrator is not null;
        for (int s0 = 0, s1; s0 < sentences.Length; s0 = s1)
        {
            s1 = PartEnd(sentences, s0);
            int from = mentions.Count;
            TagPart(ws, text, tokens, sentences[s0..s1], s0, mentions);
            if (ws.Gathers) Calibrate(ws, text, mentions, from);
        }
        evidence?.AddRange(ws.Evidence);
        Mention[] found = [.. mentions];
        // Back to the pool only after a part ended normally: a workspace left in the middle of one (a document that
        // ran out of memory, which a batch survives) is dropped rather than trusted with the next document.
        _pool.Add(ws);
        return found;
    }

    /// <summary>Completes the evidence of the part's mentions (from index <paramref name="from"/>) with what the part
    /// says about their surfaces, and replaces their scores by the calibrator's probabilities. Per part, like every
    /// document-level fact, so a part is scored the same whatever surrounds it.</summary>
    private void Calibrate(Workspace ws, string text, List<Mention> mentions, int from)
    {
        ws.Surfaces.Add(text, mentions, ws.Evidence, from);
        if (_calibrator is not { } calibrator) return;
        var vector = ws.Vector.AsSpan();
        for (int i = from; i < mentions.Count; i++)
            if (!ws.Evidence[i].Listed) mentions[i] = mentions[i] with { Score = calibrator.Probability(ws.Evidence[i], vector) };
    }

    /// <summary>The sentence after the part that starts at sentence <paramref name="s0"/>: whole sentences, greedily, up to the part size.</summary>
    private int PartEnd(ReadOnlySpan<Sentence> sentences, int s0)
    {
        int first = sentences[s0].FirstToken, s1 = s0 + 1;
        while (s1 < sentences.Length && sentences[s1].EndToken - first <= _maxPartTokens) s1++;
        return s1;
    }

    /// <summary>The first sentence of the last part <see cref="Recognize(string, ReadOnlySpan{Token}, ReadOnlySpan{Sentence})"/> would make of <paramref name="sentences"/>
    /// (0 when they make one part): what comes before it is tagged the same whatever follows the last sentence.</summary>
    public int LastPartStart(ReadOnlySpan<Sentence> sentences)
    {
        int start = 0;
        for (int s0 = 0; s0 < sentences.Length; s0 = PartEnd(sentences, s0)) start = s0;
        return start;
    }

    /// <summary>Tags whole sentences of a document as if they were all of it, adding their mentions (with the
    /// document's token and sentence numbers) to <paramref name="mentions"/>.</summary>
    private void TagPart(Workspace ws, string text, ReadOnlySpan<Token> allTokens, ReadOnlySpan<Sentence> partSentences, int sentenceBase, List<Mention> mentions)
    {
        int tokenBase = partSentences[0].FirstToken;
        var tokens = allTokens[tokenBase..partSentences[^1].EndToken];
        ws.Ensure(tokens.Length, partSentences.Length, _maxPartTokens);
        // The stages index tokens from the part's first: sentences are renumbered from it (a whole document already is).
        ReadOnlySpan<Sentence> sentences = partSentences;
        if (tokenBase != 0)
        {
            var rebased = ws.Sentences.AsSpan(0, partSentences.Length);
            for (int i = 0; i < rebased.Length; i++)
                rebased[i] = new Sentence(partSentences[i].FirstToken - tokenBase, partSentences[i].EndToken - tokenBase);
            sentences = rebased;
        }
        var infos = ws.Infos.AsSpan(0, tokens.Length);
        var tags = ws.Tags.AsSpan(0, tokens.Length);
        var confidence = ws.Confidence.AsSpan(0, tokens.Length);
        ws.Featurizer.Fill(text, tokens, sentences, infos);
        if (_accurate is { } network)
        {
            ReadOnlySpan<float> perceptron = [];
            if (_tierScores is not null)
            {
                // The base model's two passes as usual (their labels also feed the mention evidence), for its second
                // pass's scores, which the tier adds to the network's.
                ws.Runner.TagFirstOfPair(_pair!, infos, sentences, tags);
                var firstLabels = ws.Labels.AsSpan(0, tokens.Length);
                LabelsOf(_pair!.First.Tags, tags, firstLabels);
                ws.Featurizer.AddFirstPass(firstLabels, infos);
                ws.Runner.TagSecondOfPair(_pair, infos, sentences, tags, []);
                perceptron = ws.Runner.SecondPassScores(tokens.Length, network.Tags.Count);
            }
            TagNeural(network, _tierScores, perceptron, ws, text, tokens, sentences, tags, confidence);
            Collect(network.Tags, text, tokens, sentences, tags, confidence, tokenBase, sentenceBase, ws, mentions);
            return;
        }
        var final = _model.FirstPass;
        if (_pair is { } pair)
        {
            ws.Runner.TagFirstOfPair(pair, infos, sentences, tags);
            var labels = ws.Labels.AsSpan(0, tokens.Length);
            LabelsOf(pair.First.Tags, tags, labels);
            ws.Featurizer.AddFirstPass(labels, infos);
            ws.Runner.TagSecondOfPair(pair, infos, sentences, tags, confidence);
            final = pair.Second;
        }
        else if (_model.SecondPass is { } second)
        {
            ws.Runner.Tag(_model.FirstPass, _first, infos, sentences, tags, []);
            var labels = ws.Labels.AsSpan(0, tokens.Length);
            LabelsOf(_model.FirstPass.Tags, tags, labels);
            ws.Featurizer.AddFirstPass(labels, infos);
            ws.Runner.Tag(second, _second!, infos, sentences, tags, confidence);
            final = second;
        }
        else
        {
            ws.Runner.Tag(final, _first, infos, sentences, tags, confidence);
        }
        Collect(final.Tags, text, tokens, sentences, tags, confidence, tokenBase, sentenceBase, ws, mentions);
    }

    /// <summary>The accurate tier on each sentence of a part: the network's emissions (plus the base model's second-pass
    /// scores, weighted, when <paramref name="combined"/> says how), the best tags and each tag's marginal probability.</summary>
    private static void TagNeural(NeuralModel network, TierScores? combined, ReadOnlySpan<float> perceptron, Workspace ws, string text,
        ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Span<int> tags, Span<float> confidence)
    {
        ITransitionScores scores = combined is null ? network : combined;
        var tagger = ws.Neural ??= new NeuralTagger(network);
        var decoder = ws.Decoder ??= new ViterbiDecoder();
        int t = network.Tags.Count;
        foreach (var sentence in sentences)
        {
            int n = sentence.EndToken - sentence.FirstToken;
            if (n == 0) continue;
            if (ws.Emissions.Length < n * t) ws.Emissions = new float[Math.Max(n * t, 2 * ws.Emissions.Length)];
            var emissions = ws.Emissions.AsSpan(0, n * t);
            tagger.Emissions(text, tokens[sentence.FirstToken..sentence.EndToken], ws.Infos.AsSpan(sentence.FirstToken, n), emissions);
            if (combined is not null) combined.AddPerceptron(perceptron.Slice(sentence.FirstToken * t, n * t), emissions);
            var own = tags.Slice(sentence.FirstToken, n);
            decoder.Decode(scores, emissions, n, own);
            // As in the perceptron's stages: confidences are read only inside mentions.
            if (own.ContainsAnyExcept(TagSet.Outside))
                decoder.Confidences(scores, emissions, n, own, confidence.Slice(sentence.FirstToken, n));
        }
    }

    /// <summary>Per-token labels for the second pass: 0 outside, 1 + label inside a span.</summary>
    internal static void LabelsOf(TagSet set, ReadOnlySpan<int> tags, Span<byte> labels)
    {
        for (int i = 0; i < tags.Length; i++)
            labels[i] = tags[i] == TagSet.Outside ? (byte)0 : (byte)(1 + (int)set.LabelOf(tags[i]));
    }

    private void Collect(TagSet set, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences,
        ReadOnlySpan<int> tags, ReadOnlySpan<float> confidence, int tokenBase, int sentenceBase, Workspace ws, List<Mention> mentions)
    {
        var decoded = ws.Decoded;
        var spans = ws.Spans;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            decoded.Clear();
            set.Decode(tags[sentence.FirstToken..sentence.EndToken], decoded);
            spans.Clear();
            foreach (var (first, end, label) in decoded) spans.Add(new TaggedSpan(first, end, label));
            var sentenceTokens = tokens[sentence.FirstToken..sentence.EndToken];
            if (spans.Count > 0) SpanEdges.Apply(text, sentenceTokens, spans);
            _rules?.Apply(text, sentenceTokens, spans);
            _userLexicon?.Apply(text, sentenceTokens, spans);
            foreach (var span in spans)
            {
                int a = sentence.FirstToken + span.First, b = sentence.FirstToken + span.End;
                float score = 1f;
                for (int k = span.First; k < span.End && !span.Listed; k++)
                    if (InDecoded(decoded, k)) score = Math.Min(score, confidence[sentence.FirstToken + k]);
                mentions.Add(new Mention(tokens[a].Start, tokens[b - 1].End, tokenBase + a, tokenBase + b, sentenceBase + s, span.Label, score));
                if (ws.Gathers) ws.Evidence.Add(Evidence(span, decoded, ws.Infos.AsSpan(sentence.FirstToken, sentence.EndToken - sentence.FirstToken), confidence[sentence.FirstToken..], score, ws.Featurizer.KnownNameShare));
            }
        }
    }

    /// <summary>The evidence on <paramref name="span"/> that its sentence and part give (<paramref name="infos"/> and
    /// <paramref name="confidence"/> start at the sentence's first token); the same-surface fields wait until all the
    /// part's mentions are known (<see cref="Calibrate"/>).</summary>
    private static MentionEvidence Evidence(TaggedSpan span, List<(int First, int End, EntityLabel Label)> decoded,
        ReadOnlySpan<TokenInfo> infos, ReadOnlySpan<float> confidence, float marginal, float partKnownNames)
    {
        int tokens = span.End - span.First, inDecoded = 0, firstPass = 0, context = 0, classes = 0, seen = 0;
        float sum = 0;
        bool caps = true, phrase = false, list = false, lowercase = false;
        byte own = (byte)(1 + (int)span.Label);
        for (int k = span.First; k < span.End; k++)
        {
            ref readonly TokenInfo info = ref infos[k];
            if (InDecoded(decoded, k))
            {
                inDecoded++;
                sum += confidence[k];
            }
            if (info.OwnLabel == own) firstPass++;
            if (info.ContextLabel == own) context++;
            if (info.Cluster >= 0) classes++;
            if (info.KnownWord) seen++;
            caps &= (info.Flags & (TokenFlags.AllCapitals | TokenFlags.InCapsSentence)) != 0 || (info.Flags & TokenFlags.HasLetter) == 0;
            phrase |= info.Phrase > 0;
            list |= info.ListParts != 0;
            lowercase |= (info.DocumentCase & DocumentCase.Lowercase) != 0;
        }
        return new MentionEvidence
        {
            Marginal = marginal,
            MeanMarginal = inDecoded > 0 ? sum / inDecoded : marginal,
            Tokens = tokens,
            Label = span.Label,
            Listed = span.Listed,
            CapsLine = caps,
            SentenceStart = span.First == 0,
            RuleChanged = !decoded.Contains((span.First, span.End, span.Label)),
            FirstPassAgrees = (float)firstPass / tokens,
            ContextAgrees = (float)context / tokens,
            ClassCoverage = (float)classes / tokens,
            InPhrase = phrase,
            InList = list,
            LowercaseElsewhere = lowercase,
            SeenWords = (float)seen / tokens,
            PartKnownNames = partKnownNames,
        };
    }

    /// <summary>True when the tagger put token <paramref name="k"/> in a span: the tokens that score a mention (a rule
    /// may add a particle the tagger left outside, whose confidence is that it is outside).</summary>
    private static bool InDecoded(List<(int First, int End, EntityLabel Label)> decoded, int k)
    {
        foreach (var (first, end, _) in decoded)
        {
            if (k < first) return false;
            if (k < end) return true;
        }
        return false;
    }

    private sealed class Workspace(WordClassTable? classes, WordLists? lexicon, DescriptionCache described, WordScoreCache[] wordScores, FeatureIndex knownWords)
    {
        public readonly DocumentFeaturizer Featurizer = new(classes, lexicon, described, knownWords);
        public readonly StageRunner Runner = new(wordScores);
        public TokenInfo[] Infos = new TokenInfo[1024];
        public int[] Tags = new int[1024];
        public float[] Confidence = new float[1024];
        public byte[] Labels = new byte[1024];
        public Sentence[] Sentences = [];
        public readonly List<(int First, int End, EntityLabel Label)> Decoded = [];
        public readonly List<TaggedSpan> Spans = [];
        /// <summary>True while a document's mentions get evidence (asked for, or read by a calibrator).</summary>
        public bool Gathers;
        public readonly List<MentionEvidence> Evidence = [];
        public readonly SurfaceAgreement Surfaces = new();
        public readonly float[] Vector = new float[MentionEvidence.Count];
        /// <summary>The accurate tier's forward pass, decoder and scores, made on first use.</summary>
        public NeuralTagger? Neural;
        public ViterbiDecoder? Decoder;
        public float[] Emissions = [];

        /// <summary>Room for <paramref name="n"/> tokens and <paramref name="sentences"/> renumbered sentences, growing by
        /// doubling but not past <paramref name="cap"/> tokens (a part's most) unless <paramref name="n"/> needs it.</summary>
        public void Ensure(int n, int sentences, int cap)
        {
            if (Sentences.Length < sentences) Sentences = new Sentence[Math.Max(sentences, 2 * Sentences.Length)];
            if (Infos.Length >= n) return;
            int size = Math.Min(Math.Max(n, Infos.Length * 2), Math.Max(n, cap));
            Infos = new TokenInfo[size];
            Tags = new int[size];
            Confidence = new float[size];
            Labels = new byte[size];
        }
    }
}
