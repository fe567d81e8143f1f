using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Resolution;
using Extractor.Tokenization;

namespace Extractor.Pipeline;

/// <summary>
/// The document pipeline, and the only place that wires it: text → tokens → sentences → tagged mentions (name rules,
/// user lexicon, calibrated scores) → kinds and canonical names → the kinds and scores asked for. Thread-safe: one
/// pipeline serves every document of a run.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new EntityPipeline(new PipelineOptions(ModelFiles.Load(null)));
/// foreach (var entity in pipeline.Run("U.S. Secretary of State Marco Rubio met Qatar's emir.").Entities)
///     Console.WriteLine($"{entity.Kind} {entity.Name} {entity.Code}");
/// </code>
/// </example>
public sealed class EntityPipeline
{
    private readonly DocumentAnalyzer _analyzer;
    private readonly Func<ResolvedMention, bool> _keep;
    private readonly int _cachesKeptChars;

    /// <summary>A document longer than this (4M characters) is tagged with the tagger's word caches at a smaller size
    /// (<see cref="EntityRecognizer.BeginLargeDocument"/>), and empties them, and lets go of the tagger's idle
    /// workspaces and token lists, once it is tagged.</summary>
    /// <remarks>
    /// Such a text fills the caches several times over, so what they hold is of little use to the next document, and
    /// its resolution and grouping come next: the heap's peak. Emptying them after it, measured on the native binary
    /// (docs/memory.md, two runs each): 21.6 MB of text 301 → 249 MB, the same as one JSONL row 332 → 290 MB, 46 MB of
    /// text 460 → 452 MB; output identical. The benchmark's articles are far below it.
    /// </remarks>
    internal const int CachesKeptChars = 1 << 22;

    /// <summary>Builds the stages from <paramref name="options"/>; loads the shipped word lists when the model uses them.</summary>
    public EntityPipeline(PipelineOptions options)
        : this(options, DocumentAnalyzer.WindowChars)
    {
    }

    /// <summary>As <see cref="EntityPipeline(PipelineOptions)"/>, reading long texts <paramref name="windowChars"/> at a time (tests use small windows).</summary>
    internal EntityPipeline(PipelineOptions options, int windowChars, int cachesKeptChars = CachesKeptChars)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        // The resolver's tables (~20 ms) are built on another core while this one sets up the tagger: start-up is
        // most of the cost of a run over one article.
        var resolver = Task.Run(() => new EntityResolver(new ResolutionOptions(options.Demonyms, options.UserLexicon)));
        Recognizer = new EntityRecognizer(options.Model, options.Model.UsesWordLists ? WordLists.Default : null,
            new RecognizerOptions(options.NameRules, options.UserLexicon, options.RawScores, options.Accurate?.Network));
        Resolver = resolver.GetAwaiter().GetResult();
        _analyzer = new DocumentAnalyzer(Segmenter.Tokenizer, Segmenter.Splitter, Recognizer, windowChars);
        var types = options.Types;
        float minScore = options.MinScore;
        _keep = m => (types is null || types.Contains(m.Kind)) && m.Mention.Score >= minScore;
        _cachesKeptChars = cachesKeptChars;
    }

    /// <summary>Builds the shipped tables that every pipeline shares (word lists, name and role words, countries,
    /// capitals, the designated organizations), which would otherwise be built by the first pipeline or its first
    /// document. A caller may run this on a spare core while the model loads; calling it is never required.</summary>
    public static void PrepareShared()
    {
        EntityRecognizer.PrepareShared();
        _ = Knowledge.CountryTable.Default;
        _ = Knowledge.Capitals.Default;
        _ = Resolution.PersonRoles.Default;
    }

    /// <summary>The settings it was built from.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The tagging stage, for callers that score it alone (evaluation on gold tokens, calibration).</summary>
    internal EntityRecognizer Recognizer { get; }

    /// <summary>The resolution stage.</summary>
    internal EntityResolver Resolver { get; }

    /// <summary>The whole pipeline on one text, in bounded memory (a long text is read a window at a time and its
    /// tokens are not kept): what a batch run needs.</summary>
    public Document Run(string text) => Resolved(Tagged(text.Length, text, static (analyzer, text, windowDone) => analyzer.Extract(text, windowDone)));

    /// <summary>As <see cref="Run(string)"/> for a long text held compactly (a batch run's large document): the same
    /// result, with the text never held as a string, and let go once resolved (<see cref="Text.CompactText.LetGo"/>):
    /// its records need only code-point offsets, and the result's <see cref="Document.Text"/> can no longer be read.</summary>
    internal Document Run(Text.CompactText text) =>
        Tagged(text.Length, text, static (analyzer, text, windowDone) => analyzer.Extract(text, windowDone)).Resolve(Resolver, _keep, LetGo);

    /// <summary>Lets a resolved text go and, after a large document, gives the memory back at once.</summary>
    /// <remarks>
    /// The text is then the largest thing its run holds (a 21.6 MB JSON row's is 21.6 MB), and the collector kept the
    /// room it and the tagging's garbage took: with the text let go, the heap fell to about 50 MB while 95 MB stayed
    /// committed through the grouping and writing. One aggressive collection here, once per document of over
    /// <see cref="CachesKeptChars"/> characters, returns it: that run's end 121–132 → 84–90 MB (docs/memory.md).
    /// </remarks>
    private void LetGo(Text.CompactText text)
    {
        if (text.LetGo() && text.Length > _cachesKeptChars) GiveMemoryBack();
    }

    /// <summary>A full, compacting collection that also returns the free room to the system.</summary>
    private static void GiveMemoryBack() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>As <see cref="Run(string)"/>, keeping the tokens and sentences in the result, for inspection.</summary>
    public Document Analyze(string text) => Resolved(Tagged(text.Length, text, static (analyzer, text, _) => analyzer.Analyze(text)));

    /// <summary>What <paramref name="tag"/> makes of <paramref name="text"/>, with the caches of a large document, whose
    /// memory is given back after each tagging window (the third argument of <paramref name="tag"/>).</summary>
    /// <remarks>Between two windows the collector kept the room of the last one's string, token lists and evidence and of
    /// the caches' replaced tables (a 21.6 MB JSON row tagged at up to 125 MB, 95 MB committed for 85 MB of heap), and
    /// after the last one that of the caches, which start over then, through the resolution. An aggressive collection
    /// after each window (1M characters, about half a second of tagging) and one after the last: that row's peak
    /// 126 → 119 MB, CPU 12.8 → 14.2 s (`ab.py 3`); one per three windows did nothing (docs/memory.md).</remarks>
    private Document Tagged<TText>(int length, TText text, Func<DocumentAnalyzer, TText, Action?, Document> tag)
    {
        if (length <= _cachesKeptChars) return tag(_analyzer, text, null);
        Recognizer.BeginLargeDocument();
        try
        {
            return tag(_analyzer, text, GiveMemoryBack);
        }
        finally
        {
            Recognizer.EndLargeDocument();
            _analyzer.ReleaseBuffers();
            GiveMemoryBack();
        }
    }

    private Document Resolved(Document tagged) => tagged.Resolve(Resolver, _keep);

    /// <summary>Tokens and sentences only, exactly as the tagger sees them; needs no model.</summary>
    public static Document Segment(string text)
    {
        var tokens = new List<Text.Token>();
        var sentences = new List<Text.Sentence>();
        Segmenter.Tokenizer.Tokenize(text, tokens);
        Segmenter.Splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
        return new Document(text, tokens.Count, []) { Tokens = [.. tokens], Sentences = [.. sentences] };
    }

    /// <summary>The tokenizer every pipeline uses, for code that must cut text exactly as it does (word classes from
    /// unlabeled text, phrase lists compiled into a model).</summary>
    internal static Tokenizer Tokenizer => Segmenter.Tokenizer;

    /// <summary>The tokenizer and splitter every pipeline uses: immutable after construction, so one pair serves all.</summary>
    private static readonly (Tokenizer Tokenizer, SentenceSplitter Splitter) Segmenter = (Tokenizer.Shipped, new SentenceSplitter());
}
