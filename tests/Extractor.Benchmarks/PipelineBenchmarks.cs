using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Benchmarks;

// One operation is one document throughout (OperationsPerInvoke = document count), so BenchmarkDotNet's
// Mean and Allocated columns read "per document"; the Tokens/s and Alloc B/token columns divide by tokens.

/// <summary>Tokenizer and sentence splitter alone.</summary>
public class TokenizerBenchmarks : ITokenCounted
{
    private readonly string[] _documents = BenchData.Documents;
    private readonly Tokenizer _tokenizer = new();
    private readonly SentenceSplitter _splitter = new();
    private readonly List<Token> _tokens = new(4096);
    private readonly List<Sentence> _sentences = new(256);

    public double TokensPerOperation { get; } = (double)BenchData.TokenCount() / BenchData.Documents.Length;

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int Tokenize()
    {
        int n = 0;
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var text = _documents[d % _documents.Length];
            _tokens.Clear();
            _tokenizer.Tokenize(text, _tokens);
            n += _tokens.Count;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int TokenizeAndSplit()
    {
        int n = 0;
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var text = _documents[d % _documents.Length];
            _tokens.Clear();
            _sentences.Clear();
            _tokenizer.Tokenize(text, _tokens);
            _splitter.Split(text, CollectionsMarshal.AsSpan(_tokens), _sentences);
            n += _sentences.Count;
        }
        return n;
    }
}

/// <summary>Token descriptions (hashes, shapes, word lists, document case) and feature-id extraction.</summary>
public class FeatureBenchmarks : ITokenCounted
{
    private readonly Prepared _data = Prepared.Instance;
    private readonly DocumentFeaturizer _featurizer = new(BenchData.Model.Classes, BenchData.WordLists);
    private readonly DocumentFeaturizer _withoutLists = new(BenchData.Model.Classes, WordLists.Default);
    private readonly FeatureExtractor _extractor = new(BenchData.Model.FirstPass.Features, BenchData.Model.Classes);
    private readonly ulong[] _ids = new ulong[FeatureExtractor.MaxFeatures];

    public double TokensPerOperation => _data.TokensPerDocument;

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public void Featurize() => FillAll(_featurizer);

    /// <summary>As <see cref="Featurize"/> without the model's phrase lists: the difference is what the list look-up costs.</summary>
    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public void FeaturizeWithoutPhraseLists() => FillAll(_withoutLists);

    private void FillAll(DocumentFeaturizer featurizer)
    {
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var doc = _data.Docs[d % _data.Docs.Length];
            featurizer.Fill(doc.Text, doc.Tokens, doc.Sentences, doc.Infos);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public ulong ExtractFeatureIds()
    {
        ulong sum = 0;
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var doc = _data.Docs[d % _data.Docs.Length];
            foreach (var s in doc.Sentences)
            {
                var words = doc.Infos.AsSpan(s.FirstToken, s.Count);
                for (int i = 0; i < words.Length; i++) sum += _ids[_extractor.Extract(words, i, _ids) - 1];
            }
        }
        return sum;
    }
}

/// <summary>Weight lookup, Viterbi and forward-backward confidences (the two stages of the shipped model).</summary>
public class DecoderBenchmarks : ITokenCounted
{
    private readonly Prepared _data = Prepared.Instance;
    private readonly StageRunner _runner = new();
    private readonly FeatureExtractor _first = new(BenchData.Model.FirstPass.Features, BenchData.Model.Classes);
    private readonly int[] _tags = new int[1 << 16];
    private readonly float[] _confidence = new float[1 << 16];

    public double TokensPerOperation => _data.TokensPerDocument;

    /// <summary>Features → weight rows → Viterbi, first pass only (no confidences).</summary>
    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public void ScoreAndDecode()
    {
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var doc = _data.Docs[d % _data.Docs.Length];
            _runner.Tag(BenchData.Model.FirstPass, _first, doc.Infos, doc.Sentences, _tags, []);
        }
    }

    /// <summary>As above, plus per-token confidences (forward-backward).</summary>
    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public void ScoreDecodeAndConfidences()
    {
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var doc = _data.Docs[d % _data.Docs.Length];
            _runner.Tag(BenchData.Model.FirstPass, _first, doc.Infos, doc.Sentences, _tags, _confidence);
        }
    }
}

/// <summary>The whole per-document pipeline: text in, resolved mentions out (what <c>extract</c> runs per document).</summary>
public class DocumentBenchmarks : ITokenCounted
{
    private readonly string[] _documents = BenchData.Documents;
    private readonly EntityPipeline _pipeline = BenchData.NewPipeline();

    public double TokensPerOperation { get; } = (double)BenchData.TokenCount() / BenchData.Documents.Length;

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int Analyze()
    {
        int n = 0;
        for (int d = 0; d < BenchData.MaxDocuments; d++)
            n += _pipeline.Run(_documents[d % _documents.Length]).Resolved.Count;
        return n;
    }
}

/// <summary>Tagging alone, with the model's mention calibrator and without it: the difference is what the
/// calibrator costs (evidence per mention, the document's surface table, one linear score and a table look-up).</summary>
public class CalibrationBenchmarks : ITokenCounted
{
    private readonly Prepared _data = Prepared.Instance;
    private readonly EntityRecognizer _calibrated = new(BenchData.Model, WordLists.Default);
    private readonly EntityRecognizer _raw = new(BenchData.Model, WordLists.Default, new RecognizerOptions(RawScores: true));

    public double TokensPerOperation => _data.TokensPerDocument;

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int RecognizeCalibrated() => RecognizeAll(_calibrated);

    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int RecognizeRawScores() => RecognizeAll(_raw);

    /// <summary>Raw scores, with the evidence gathered for the caller: the calibrator's cost without the calibrator.</summary>
    [Benchmark(OperationsPerInvoke = BenchData.MaxDocuments)]
    public int RecognizeRawWithEvidence() => RecognizeAll(_raw, _evidence);

    private readonly List<MentionEvidence> _evidence = [];

    private int RecognizeAll(EntityRecognizer recognizer, List<MentionEvidence>? evidence = null)
    {
        int n = 0;
        for (int d = 0; d < BenchData.MaxDocuments; d++)
        {
            var doc = _data.Docs[d % _data.Docs.Length];
            evidence?.Clear();
            n += recognizer.Recognize(doc.Text, doc.Tokens, doc.Sentences, evidence).Length;
        }
        return n;
    }
}

/// <summary>Documents tokenized and described once, for the benchmarks of later stages.</summary>
internal sealed class Prepared
{
    public static Prepared Instance { get; } = new();

    public readonly record struct Doc(string Text, Token[] Tokens, Sentence[] Sentences, TokenInfo[] Infos);

    public Doc[] Docs { get; }

    public double TokensPerDocument { get; }

    private Prepared()
    {
        var featurizer = new DocumentFeaturizer(BenchData.Model.Classes, BenchData.WordLists);
        Docs = BenchData.Documents.Select(text =>
        {
            var segmented = EntityPipeline.Segment(text);
            var (tokens, sentences) = (segmented.Tokens, segmented.Sentences);
            var infos = new TokenInfo[tokens.Length];
            featurizer.Fill(text, tokens, sentences, infos);
            return new Doc(text, tokens, sentences, infos);
        }).ToArray();
        TokensPerDocument = Docs.Average(d => (double)d.Tokens.Length);
    }
}
