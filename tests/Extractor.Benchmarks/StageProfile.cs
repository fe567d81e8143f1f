using System.Diagnostics;
using Extractor.Models;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Benchmarks;

/// <summary>Where the time goes: runs the recognizer's stages by hand over a folder and times each one.</summary>
/// <remarks>
/// A sampling profiler (dotnet-trace) would be the alternative; a stopwatch around each stage needs no
/// tools, costs ~20 ns per call (sentence granularity) and mirrors <c>EntityRecognizer.Recognize</c>.
/// </remarks>
internal static class StageProfile
{
    private enum Stage { Read, Tokenize, Split, Featurize, Scores1, Viterbi1, Relabel, Scores2, Viterbi2, Confidences, Pass1, Pass2, Count }

    public static void Run(string? folder, int rounds, bool separate)
    {
        var load = Stopwatch.StartNew();
        var model = ModelReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "models", "extractor.model"));
        Console.WriteLine($"model load: {load.Elapsed.TotalMilliseconds:F0} ms (cold, includes JIT)");
        folder ??= Environment.GetEnvironmentVariable("BENCH_CORPUS") ?? Path.Combine(AppContext.BaseDirectory, "samples");
        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var lexicon = model.UsesWordLists ? WordLists.Default : null;
        var tokenizer = EntityPipeline.Tokenizer;
        var splitter = new SentenceSplitter();
        var featurizer = new DocumentFeaturizer(model.Classes, lexicon);
        var first = new FeatureExtractor(model.FirstPass.Features, model.Classes);
        var second = model.SecondPass is null ? null : new FeatureExtractor(model.SecondPass.Features, model.Classes);
        var viterbi = new ViterbiDecoder();
        // --separate: each stage scored on its own, with Viterbi and forward-backward timed apart.
        var pair = separate || model.SecondPass is null ? null : StagePair.TryCreate(model.FirstPass, first, model.SecondPass, second!);
        var ticks = new long[(int)Stage.Count];
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        long tokenCount = 0;
        for (int round = 0; round < rounds; round++)
        {
            Array.Clear(ticks);
            tokenCount = 0;
            foreach (var file in files)
            {
                long t0 = Stopwatch.GetTimestamp();
                string text = File.ReadAllText(file);
                Lap(ticks, Stage.Read, ref t0);
                tokens.Clear();
                sentences.Clear();
                tokenizer.Tokenize(text, tokens);
                Lap(ticks, Stage.Tokenize, ref t0);
                var tokenSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
                splitter.Split(text, tokenSpan, sentences);
                Lap(ticks, Stage.Split, ref t0);
                var sentenceSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences);
                var infos = new TokenInfo[tokens.Count];
                var tags = new int[tokens.Count];
                var confidence = new float[tokens.Count];
                tokenCount += tokens.Count;
                featurizer.Fill(text, tokenSpan, sentenceSpan, infos);
                Lap(ticks, Stage.Featurize, ref t0);
                if (pair is not null)
                {
                    // What EntityRecognizer runs for a two-pass model: both stages' context scores in pass 1.
                    Runner.TagFirstOfPair(pair, infos, sentenceSpan, tags);
                    Lap(ticks, Stage.Pass1, ref t0);
                    var labels = new byte[tokens.Count];
                    EntityRecognizer.LabelsOf(model.FirstPass.Tags, tags, labels);
                    featurizer.AddFirstPass(labels, infos);
                    Lap(ticks, Stage.Relabel, ref t0);
                    Runner.TagSecondOfPair(pair, infos, sentenceSpan, tags, confidence);
                    Lap(ticks, Stage.Pass2, ref t0);
                    continue;
                }
                Pass(model.FirstPass, first, infos, sentenceSpan, tags, [], viterbi, ticks, Stage.Scores1, ref t0);
                if (model.SecondPass is { } stage2)
                {
                    var labels = new byte[tokens.Count];
                    EntityRecognizer.LabelsOf(model.FirstPass.Tags, tags, labels);
                    featurizer.AddFirstPass(labels, infos);
                    Lap(ticks, Stage.Relabel, ref t0);
                    Pass(stage2, second!, infos, sentenceSpan, tags, confidence, viterbi, ticks, Stage.Scores2, ref t0);
                }
            }
        }
        Report(ticks, tokenCount, files.Length);
    }

    private static void Pass(PerceptronModel model, FeatureExtractor extractor, TokenInfo[] infos, ReadOnlySpan<Sentence> sentences,
        int[] tags, float[] confidence, ViterbiDecoder viterbi, long[] ticks, Stage scores, ref long t0)
    {
        int t = model.Tags.Count;
        foreach (var s in sentences)
        {
            var words = infos.AsSpan(s.FirstToken, s.Count);
            var emissions = new float[s.Count * t];
            long a = Stopwatch.GetTimestamp();
            Runner.Score(model, extractor, words, emissions);
            ticks[(int)scores] += Stopwatch.GetTimestamp() - a;
            t0 = Stopwatch.GetTimestamp();
            viterbi.Decode(model, emissions, s.Count, tags.AsSpan(s.FirstToken, s.Count));
            Lap(ticks, scores + 1, ref t0);
            if (confidence.Length > 0)
            {
                viterbi.Confidences(model, emissions, s.Count, tags.AsSpan(s.FirstToken, s.Count), confidence.AsSpan(s.FirstToken, s.Count));
                Lap(ticks, Stage.Confidences, ref t0);
            }
        }
        t0 = Stopwatch.GetTimestamp();
    }

    // Scoring is StageRunner's own code, word-type cache included, so the profile measures what tagging runs.
    private static readonly StageRunner Runner = new();

    private static void Lap(long[] ticks, Stage stage, ref long t0)
    {
        long now = Stopwatch.GetTimestamp();
        ticks[(int)stage] += now - t0;
        t0 = now;
    }

    private static void Report(long[] ticks, long tokens, int documents)
    {
        double total = ticks.Sum();
        Console.WriteLine($"{documents} documents, {tokens} tokens, last round (JIT warm):");
        Console.WriteLine($"{"stage",-12} {"ms",8} {"share",6} {"ns/token",9}");
        for (int s = 0; s < (int)Stage.Count; s++)
        {
            if (ticks[s] == 0) continue;
            double ms = ticks[s] * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"{(Stage)s,-12} {ms,8:F1} {ticks[s] / total,6:P0} {ms * 1e6 / tokens,9:F1}");
        }
        double seconds = total / Stopwatch.Frequency;
        Console.WriteLine($"{"total",-12} {seconds * 1000,8:F1}        {seconds * 1e9 / tokens,9:F1}   ({tokens / seconds:N0} tokens/s)");
    }
}
