using Extractor.Recognition;
using Extractor.Training;

namespace Extractor.Tests.Training;

/// <summary>One small model trained on synthetic data, shared by the tests that need a real trained model.</summary>
public sealed class TrainedFixture
{
    public TrainedFixture()
    {
        Train = ConllFixtures.Synthetic(40, seed: 1);
        Dev = ConllFixtures.Synthetic(10, seed: 2);
        Options = new TrainingOptions(Epochs: 4, Seed: 7, Folds: 2);
        Model = new PerceptronTrainer(Options, classes: null, lexicon: null).Train(Train, Dev, "synthetic", progress: null);
    }

    internal List<ConllDocument> Train { get; }

    internal List<ConllDocument> Dev { get; }

    internal TrainingOptions Options { get; }

    public NerModel Model { get; }
}
