using System.Diagnostics;
using System.Runtime.InteropServices;
using Extractor.Recognition;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Benchmarks;

/// <summary>What the mention calibrator costs, on a machine whose speed drifts: tagging with raw scores and with
/// calibrated ones, interleaved round by round on one thread, reported as the median of the per-round ratios.</summary>
/// <remarks>BenchmarkDotNet measures the two far apart in time; on a shared 2-core machine its means moved by ±20%
/// between runs, more than the difference sought. Paired rounds cancel the drift.</remarks>
internal static class CalibrationCost
{
    public static void Run(string? folder, int rounds)
    {
        folder ??= Environment.GetEnvironmentVariable("BENCH_CORPUS") ?? Path.Combine(AppContext.BaseDirectory, "samples");
        var docs = new List<(string Text, Token[] Tokens, Sentence[] Sentences)>();
        var tokenizer = new Tokenizer();
        var splitter = new SentenceSplitter();
        long tokens = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            var t = new List<Token>();
            tokenizer.Tokenize(text, t);
            if (t.Count == 0) continue;
            var s = new List<Sentence>();
            splitter.Split(text, CollectionsMarshal.AsSpan(t), s);
            docs.Add((text, [.. t], [.. s]));
            tokens += t.Count;
        }
        var model = BenchData.Model;
        if (model.Calibrator is null) throw new InvalidOperationException("the model has no calibrator");
        var calibrated = new EntityRecognizer(model, Lexicon.Default);
        var raw = new EntityRecognizer(model, Lexicon.Default, new RecognizerOptions(RawScores: true));
        double Time(EntityRecognizer r)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (text, t, s) in docs) r.Recognize(text, t, s);
            return clock.Elapsed.TotalMilliseconds;
        }
        for (int i = 0; i < 2; i++) { Time(raw); Time(calibrated); }
        var ratios = new double[rounds];
        var rawMs = new double[rounds];
        for (int i = 0; i < rounds; i++)
        {
            // Alternate which goes first, so a drift within a round favours neither.
            double a, b;
            if (i % 2 == 0) { a = Time(raw); b = Time(calibrated); }
            else { b = Time(calibrated); a = Time(raw); }
            rawMs[i] = a;
            ratios[i] = b / a;
        }
        Array.Sort(ratios);
        Array.Sort(rawMs);
        Console.WriteLine($"{docs.Count} documents, {tokens} tokens, {rounds} rounds: raw scores {tokens / rawMs[rounds / 2] * 1000:F0} tokens/s (median); " +
            $"calibrated / raw time: median {ratios[rounds / 2]:F4}, quartiles {ratios[rounds / 4]:F4} to {ratios[3 * rounds / 4]:F4}");
    }
}
