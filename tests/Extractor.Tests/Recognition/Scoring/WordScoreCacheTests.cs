using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Recognition;

/// <summary>Tagging's per-word-type score cache must give the scores the full feature list gives, whatever it held before.</summary>
public class WordScoreCacheTests
{
    private static NerModel Model => ShippedModel.Model;

    private static readonly string[] Articles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    public static TheoryData<string> Texts() => new()
    {
        Articles[0],
        Articles[1],
        // One- and two-token sentences: every score there comes from the window's padding.
        "Reuters.\n\nObama said.\n\nIRAQ\n\nMarco Rubio",
        // A Title Case headline is featurized as capitals: "Japan" there must not share "Japan"'s scores elsewhere.
        "Japan Wins Lucky Match In Tokyo\n\nJapan won on Sunday. JAPAN fans cheered in Tokyo.",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Score_MatchesTheSumOverEveryFeature(string text)
    {
        var (infos, sentences) = Featurize(text);
        foreach (var stage in Stages())
        {
            var runner = new StageRunner();
            var ids = new ulong[FeatureExtractor.MaxFeatures];
            int t = stage.Model.Tags.Count;
            foreach (var s in sentences)
            {
                var words = infos.AsSpan(s.FirstToken, s.Count);
                var cached = new float[s.Count * t];
                runner.Score(stage.Model, stage.Extractor, words, cached);
                var direct = new float[s.Count * t];
                for (int i = 0; i < s.Count; i++)
                {
                    int n = stage.Extractor.Extract(words, i, ids);
                    stage.Model.AddScores(ids.AsSpan(0, n), direct.AsSpan(i * t, t));
                }
                // Only the order of the float additions differs.
                for (int k = 0; k < direct.Length; k++)
                    Assert.True(Math.Abs(direct[k] - cached[k]) <= 1e-4f * Math.Max(1f, Math.Abs(direct[k])),
                        $"token {k / t} tag {k % t}: {direct[k]} by feature, {cached[k]} cached");
                Assert.Contains(direct, v => v != 0);
            }
        }
    }

    [Fact]
    public void Score_IsBitIdenticalWhateverTheRunnerScoredBefore()
    {
        var (target, targetSentences) = Featurize(Articles[2]);
        var fresh = ScoreAll(new StageRunner(), target, targetSentences);

        var warm = new StageRunner();
        foreach (var article in Articles[..2])
        {
            var (infos, sentences) = Featurize(article);
            ScoreAll(warm, infos, sentences);
        }
        Assert.Equal(fresh, ScoreAll(warm, target, targetSentences));
    }

    /// <summary>Scores the first article's sentences with both caches, asserting equal scores; the most word types
    /// <paramref name="other"/> held after any sentence.</summary>
    private static int ScoreAlongside(WordScoreCache roomy, WordScoreCache other, int tags)
    {
        var (infos, sentences) = Featurize(Articles[0]);
        var scratch = new WordScoreCache.Scratch();
        int most = 0;
        foreach (var s in sentences)
        {
            var words = infos.AsSpan(s.FirstToken, s.Count);
            float[] a = new float[s.Count * tags], b = new float[s.Count * tags];
            roomy.AddTo(words, a, scratch);
            other.AddTo(words, b, scratch);
            Assert.Equal(a, b);
            most = Math.Max(most, other.Count);
        }
        return most;
    }

    [Fact]
    public void AddTo_StartingOverWhenFull_GivesTheSameScores()
    {
        var stage = Stages().First();
        var roomy = new WordScoreCache(stage.Model, stage.Extractor);
        var tiny = new WordScoreCache(stage.Model, stage.Extractor, capacity: 3);

        ScoreAlongside(roomy, tiny, stage.Model.Tags.Count);
    }

    [Fact]
    public void StartOver_AtASmallerCapacity_KeepsItWhenFullAndScoresTheSame()
    {
        var stage = Stages().First();
        var roomy = new WordScoreCache(stage.Model, stage.Extractor);
        var cache = new WordScoreCache(stage.Model, stage.Extractor);

        cache.StartOver(capacity: 5);
        int most = ScoreAlongside(roomy, cache, stage.Model.Tags.Count);

        // Filled many times over (the article holds over a hundred types), and each new table as small as the one
        // it replaced.
        Assert.True(roomy.Count > 100, $"{roomy.Count} word types");
        Assert.InRange(most, 1, 5);
        Assert.Equal(5, cache.CurrentCapacity);
        cache.StartOver();
        Assert.Equal(WordScoreCache.DefaultCapacity, cache.CurrentCapacity);
    }

    [Theory]
    [InlineData(WordScoreCache.DefaultCapacity)]
    // Small enough that the threads keep replacing the table under each other.
    [InlineData(40)]
    public void AddTo_SharedByThreads_GivesEachThreadTheSingleThreadedScores(int capacity)
    {
        var stage = Stages().First();
        int t = stage.Model.Tags.Count;
        var sentences = Articles.SelectMany(a =>
        {
            var (infos, list) = Featurize(a);
            return list.Select(s => infos.AsSpan(s.FirstToken, s.Count).ToArray());
        }).ToArray();
        var alone = new WordScoreCache(stage.Model, stage.Extractor);
        var scratch = new WordScoreCache.Scratch();
        var expected = sentences.Select(words =>
        {
            var e = new float[words.Length * t];
            alone.AddTo(words, e, scratch);
            return e;
        }).ToArray();

        var shared = new WordScoreCache(stage.Model, stage.Extractor, capacity);
        var mismatches = new int[4];
        using var start = new Barrier(4);
        var threads = Enumerable.Range(0, 4).Select(id => new Thread(() =>
        {
            var own = new WordScoreCache.Scratch();
            start.SignalAndWait();
            for (int round = 0; round < 3; round++)
                // Each thread walks the sentences from a different place, so they meet new words together.
                for (int k = 0; k < sentences.Length; k++)
                {
                    int i = (k + id * sentences.Length / 4) % sentences.Length;
                    var e = new float[sentences[i].Length * t];
                    shared.AddTo(sentences[i], e, own);
                    if (!e.AsSpan().SequenceEqual(expected[i])) mismatches[id]++;
                }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());
        Assert.Equal(new int[4], mismatches);
    }

    private static List<float[]> ScoreAll(StageRunner runner, TokenInfo[] infos, List<Sentence> sentences)
    {
        var all = new List<float[]>();
        foreach (var stage in Stages())
            foreach (var s in sentences)
            {
                var e = new float[s.Count * stage.Model.Tags.Count];
                runner.Score(stage.Model, stage.Extractor, infos.AsSpan(s.FirstToken, s.Count), e);
                all.Add(e);
            }
        return all;
    }

    private static IEnumerable<(PerceptronModel Model, FeatureExtractor Extractor)> Stages()
    {
        yield return (Model.FirstPass, new FeatureExtractor(Model.FirstPass.Features, Model.Classes));
        if (Model.SecondPass is { } second) yield return (second, new FeatureExtractor(second.Features, Model.Classes));
    }

    private static (TokenInfo[] Infos, List<Sentence> Sentences) Featurize(string text)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        new Tokenizer().Tokenize(text, tokens);
        new SentenceSplitter().Split(text, tokens.ToArray(), sentences);
        var infos = new TokenInfo[tokens.Count];
        new DocumentFeaturizer(Model.Classes, WordLists.Default).Fill(text, tokens.ToArray(), sentences.ToArray(), infos);
        // Second-pass features read first-pass labels: give every capitalized word one so they fire.
        var labels = infos.Select(i => (i.Flags & TokenFlags.InitialCapital) != 0 ? (byte)1 : (byte)0).ToArray();
        new DocumentFeaturizer(Model.Classes, WordLists.Default).AddFirstPass(labels, infos);
        return (infos, sentences);
    }
}
