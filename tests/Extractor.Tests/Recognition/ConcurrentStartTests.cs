using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Tokenization;

namespace Extractor.Tests.Recognition;

/// <summary>Threads that start tagging together with a fresh recognizer, as a batch run's workers do: the shared
/// two-pass tables are built once in the background and must be seen whole by every thread.</summary>
public class ConcurrentStartTests
{
    [Fact]
    public void FreshRecognizer_ManyThreadsAtOnce_AllTagAsOneThreadDoes()
    {
        string text = ShippedModel.SamplesText();
        var expected = Analyzer().Analyze(text).Mentions;
        for (int round = 0; round < 12; round++)
        {
            var analyzer = Analyzer();
            var results = new Extractor.Text.Mention[8][];
            using var start = new Barrier(results.Length);
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
            {
                start.SignalAndWait();
                results[i] = analyzer.Analyze(text).Mentions.ToArray();
            });
            Assert.All(results, r => Assert.Equal(expected, r));
        }
    }

    private static EntityPipeline Analyzer() => new(new PipelineOptions(ShippedModel.Model));
}
