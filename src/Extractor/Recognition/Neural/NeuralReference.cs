using System.Globalization;
using Extractor.Recognition.Decoding;

namespace Extractor.Recognition.Neural;

/// <summary>Compares this build's forward pass with the outputs the training tool stored for the same inputs
/// (scripts/neural/train.py <c>--reference</c>: one token per line, the dump's six columns, the 17 emission scores and
/// the tag the trained network gave, a blank line after each sentence).</summary>
/// <remarks>The check CI runs on the shipped weights, and the maintainer tool's <c>check</c>: the largest difference
/// of any emission score, and how many tokens the CRF tags differently.</remarks>
internal static class NeuralReference
{
    public sealed record Result(int Sentences, int Tokens, double MaxDifference, int TagsDiffering);

    public static Result Compare(NeuralModel model, TextReader reference)
    {
        var tagger = new NeuralTagger(model);
        var decoder = new ViterbiDecoder();
        var sentence = new List<(string Word, int Class, int Phrase, int[] Active)>();
        var expected = new List<float[]>();
        var expectedTags = new List<string>();
        int sentences = 0, tokens = 0, differing = 0;
        double max = 0;
        void Finish()
        {
            if (sentence.Count == 0) return;
            int n = sentence.Count, t = model.Tags.Count;
            var emissions = new float[n * t];
            tagger.Emissions(sentence, emissions);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < t; k++) max = Math.Max(max, Math.Abs(emissions[i * t + k] - expected[i][k]));
            var tags = new int[n];
            decoder.Decode(model, emissions, n, tags);
            for (int i = 0; i < n; i++) if (model.Tags.NameOf(tags[i]) != expectedTags[i]) differing++;
            sentences++;
            tokens += n;
            sentence.Clear();
            expected.Clear();
            expectedTags.Clear();
        }
        for (string? line; (line = reference.ReadLine()) is not null;)
        {
            if (line.Length == 0)
            {
                Finish();
                continue;
            }
            var f = line.Split('\t');
            if (f.Length != 8) throw new FormatException($"reference line with {f.Length} fields, not 8: {line}");
            int[] active = f[5].Length == 0 ? [] : [.. f[5].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture))];
            sentence.Add((f[1], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture), active));
            expected.Add([.. f[6].Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture))]);
            expectedTags.Add(f[7]);
        }
        Finish();
        return new Result(sentences, tokens, max, differing);
    }
}
