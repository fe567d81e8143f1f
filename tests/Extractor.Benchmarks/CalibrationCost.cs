using System.Diagnostics;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Confidence;
using Extractor.Recognition.Features;
using Extractor.Text;

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
        long tokens = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            var segmented = EntityPipeline.Segment(text);
            if (segmented.TokenCount == 0) continue;
            docs.Add((text, segmented.Tokens, segmented.Sentences));
            tokens += segmented.TokenCount;
        }
        var model = BenchData.Model;
        if (model.Calibrator is null) throw new InvalidOperationException("the model has no calibrator");
        var calibrated = new EntityRecognizer(model, WordLists.Default);
        var raw = new EntityRecognizer(model, WordLists.Default, new RecognizerOptions(RawScores: true));
        var evidence = new List<MentionEvidence>();
        double Time(EntityRecognizer r, bool gather = false)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (text, t, s) in docs)
            {
                evidence.Clear();
                r.Recognize(text, t, s, gather ? evidence : null);
            }
            return clock.Elapsed.TotalMilliseconds;
        }
        // Three variants: raw scores, raw scores with the evidence gathered, calibrated scores.
        Func<double>[] variants = [() => Time(raw), () => Time(raw, gather: true), () => Time(calibrated)];
        foreach (var v in variants) v();
        var ratios = new double[rounds];
        var evidenceRatios = new double[rounds];
        var rawMs = new double[rounds];
        var ms = new double[3];
        for (int i = 0; i < rounds; i++)
        {
            // Rotate the order each round, so a drift within a round favours none of them.
            for (int k = 0; k < 3; k++) ms[(i + k) % 3] = variants[(i + k) % 3]();
            rawMs[i] = ms[0];
            evidenceRatios[i] = ms[1] / ms[0];
            ratios[i] = ms[2] / ms[0];
        }
        Array.Sort(ratios);
        Array.Sort(evidenceRatios);
        Array.Sort(rawMs);
        Console.WriteLine($"{docs.Count} documents, {tokens} tokens, {rounds} rounds: raw scores {tokens / rawMs[rounds / 2] * 1000:F0} tokens/s (median); " +
            $"calibrated / raw time: median {ratios[rounds / 2]:F4}, quartiles {ratios[rounds / 4]:F4} to {ratios[3 * rounds / 4]:F4}; " +
            $"evidence alone / raw: median {evidenceRatios[rounds / 2]:F4}");
    }
}
