using Extractor.Text;

namespace Extractor.Training;

/// <summary>Precision, recall and F1 as conlleval computes them: exact span and label match, micro-averaged.</summary>
internal sealed class SpanScorer
{
    private readonly int[] _gold = new int[4];
    private readonly int[] _predicted = new int[4];
    private readonly int[] _correct = new int[4];

    /// <summary>Adds one document's gold and predicted spans.</summary>
    public void Add(ReadOnlySpan<LabeledSpan> gold, ReadOnlySpan<LabeledSpan> predicted)
    {
        var goldSet = new HashSet<LabeledSpan>();
        foreach (var g in gold) { _gold[(int)g.Label]++; goldSet.Add(g); }
        foreach (var p in predicted)
        {
            _predicted[(int)p.Label]++;
            if (goldSet.Contains(p)) _correct[(int)p.Label]++;
        }
    }

    /// <summary>Scores for one label.</summary>
    public Score For(EntityLabel label) => new(_gold[(int)label], _predicted[(int)label], _correct[(int)label]);

    /// <summary>Micro-averaged scores over every label.</summary>
    public Score Overall => new(_gold.Sum(), _predicted.Sum(), _correct.Sum());
}

/// <summary>Counts and the derived precision, recall and F1 (all in percent).</summary>
internal readonly record struct Score(int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted, in percent.</summary>
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    /// <summary>Correct / gold, in percent.</summary>
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    /// <summary>Harmonic mean of precision and recall, in percent.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
