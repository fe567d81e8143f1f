using Extractor.Training;

namespace Extractor.Calibration;

/// <summary>How sure a difference in ECE on a few hundred mentions is: resampling whole documents (mentions of one
/// document are not independent) with a fixed seed.</summary>
internal static class Bootstrap
{
    /// <summary>The 5th and 95th percentiles of ECE(<paramref name="scores"/>) − ECE(<paramref name="baseline"/>) over
    /// 2,000 resamples of the documents of <paramref name="records"/>.</summary>
    public static (double Low, double High) EceDifference(IReadOnlyList<FoldMention> records, float[] scores, float[] baseline)
    {
        var byDocument = Enumerable.Range(0, records.Count).GroupBy(i => records[i].Document).Select(g => g.ToArray()).ToArray();
        var random = new Random(1);
        var differences = new double[2000];
        for (int b = 0; b < differences.Length; b++)
        {
            var a = new ScoreReliability();
            var z = new ScoreReliability();
            for (int d = 0; d < byDocument.Length; d++)
            {
                foreach (int i in byDocument[random.Next(byDocument.Length)])
                {
                    a.Add(scores[i], records[i].Right);
                    z.Add(baseline[i], records[i].Right);
                }
            }
            differences[b] = a.ExpectedCalibrationError - z.ExpectedCalibrationError;
        }
        Array.Sort(differences);
        return (differences[(int)(0.05 * differences.Length)], differences[(int)(0.95 * differences.Length)]);
    }
}
