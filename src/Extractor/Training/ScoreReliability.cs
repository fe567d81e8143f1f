using System.Globalization;

namespace Extractor.Training;

/// <summary>
/// How well mention scores match how often mentions are right: predicted mentions in ten equal-width score bins,
/// each with its mean score and the share that is exactly right (span and type); the expected calibration error
/// (ECE) is the mentions-weighted mean gap between the two.
/// </summary>
/// <remarks>A score of 0.8 should be right 80% of the time; ECE 0 means every bin is. Accumulates; not thread-safe.</remarks>
internal sealed class ScoreReliability
{
    /// <summary>Number of equal-width bins over 0..1.</summary>
    public const int Bins = 10;

    private readonly int[] _count = new int[Bins];
    private readonly int[] _right = new int[Bins];
    private readonly double[] _scores = new double[Bins];

    /// <summary>Adds one predicted mention: its score and whether it is exactly right.</summary>
    public void Add(float score, bool right)
    {
        int bin = Math.Clamp((int)(score * Bins), 0, Bins - 1);
        _count[bin]++;
        _scores[bin] += score;
        if (right) _right[bin]++;
    }

    /// <summary>Mentions added.</summary>
    public int Count => _count.Sum();

    /// <summary>Expected calibration error: Σ over bins of (mentions in bin / all) × |share right − mean score|.</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            int total = Count;
            if (total == 0) return 0;
            double sum = 0;
            for (int b = 0; b < Bins; b++)
                if (_count[b] > 0) sum += Math.Abs((double)_right[b] / _count[b] - _scores[b] / _count[b]) * _count[b] / total;
            return sum;
        }
    }

    /// <summary>The bins that hold mentions: range, mentions, mean score, share right.</summary>
    public IEnumerable<(double From, double To, int Mentions, double MeanScore, double Right)> Rows()
    {
        for (int b = 0; b < Bins; b++)
            if (_count[b] > 0) yield return ((double)b / Bins, (double)(b + 1) / Bins, _count[b], _scores[b] / _count[b], (double)_right[b] / _count[b]);
    }

    /// <summary>Writes the ECE line and the reliability table.</summary>
    public void WriteTable(TextWriter writer, string name)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration ({name}): ECE {ExpectedCalibrationError:F3} over {Count} predicted mentions"));
        writer.WriteLine("score      mentions  mean score  right");
        foreach (var (from, to, mentions, mean, right) in Rows())
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{from:F1}-{to:F1} {mentions,12} {mean,11:F3} {right,6:F3}"));
    }

    /// <summary>A reliability diagram as a small standalone SVG: the share right per bin against the diagonal.</summary>
    public string ToSvg()
    {
        var writer = new StringWriter { NewLine = "\n" };
        const int size = 320, pad = 40;
        string X(double v) => (pad + v * size).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double v) => (pad + (1 - v) * size).ToString("F1", CultureInfo.InvariantCulture);
        writer.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + 2 * pad}\" height=\"{size + 2 * pad}\" font-family=\"sans-serif\" font-size=\"12\">");
        writer.WriteLine($"<rect x=\"{pad}\" y=\"{pad}\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#888\"/>");
        writer.WriteLine($"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>");
        foreach (var (from, to, mentions, _, right) in Rows())
            writer.WriteLine($"<rect x=\"{X(from)}\" y=\"{Y(right)}\" width=\"{(size / (double)Bins - 2).ToString("F1", CultureInfo.InvariantCulture)}\" height=\"{(right * size).ToString("F1", CultureInfo.InvariantCulture)}\" fill=\"#4a7bb7\"><title>{from:F1}-{to:F1}: {mentions} mentions, {right:P1} right</title></rect>");
        writer.WriteLine($"<text x=\"{pad}\" y=\"{pad - 12}\">ECE {ExpectedCalibrationError.ToString("F3", CultureInfo.InvariantCulture)} over {Count} mentions</text>");
        writer.WriteLine($"<text x=\"{pad + size / 2 - 20}\" y=\"{size + 2 * pad - 10}\">score</text>");
        writer.WriteLine($"<text x=\"8\" y=\"{pad + size / 2}\" transform=\"rotate(-90 8 {pad + size / 2})\">share right</text>");
        writer.WriteLine("</svg>");
        return writer.ToString();
    }
}
