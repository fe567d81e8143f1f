using Extractor.Recognition.Decoding;

namespace Extractor.Recognition.Neural;

/// <summary>The accurate tier's decoding scores when it adds the base model's: the network's transitions plus the
/// perceptron's second-pass transitions, both as log-potentials (the perceptron's divided by its temperature, which
/// calibrated its marginals), the perceptron's weighted by <see cref="NeuralModel.PerceptronWeight"/>.</summary>
/// <remarks>A product of the two taggers' distributions: where the network is unsure (a word it reads only from its
/// letters) the perceptron's document-level evidence (how the same word is tagged elsewhere) can decide, and the
/// reverse. Built once per recognizer; the decoders cache it by reference.</remarks>
internal sealed class TierScores : ITransitionScores
{
    private readonly float _scale;

    public TierScores(NeuralModel network, ITransitionScores perceptron)
    {
        if (perceptron.Tags.Count != network.Tags.Count) throw new ArgumentException("the base model's tag set is not BILOU", nameof(perceptron));
        _scale = network.PerceptronWeight / perceptron.Temperature;
        Transitions = Sum(network.Transitions, perceptron.Transitions);
        Start = Sum(network.Start, perceptron.Start);
        End = Sum(network.End, perceptron.End);
        Tags = network.Tags;
        Temperature = network.Temperature;
    }

    public TagSet Tags { get; }

    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public float Temperature { get; }

    /// <summary>emissions += weight · perceptron / temperature, for one sentence.</summary>
    public void AddPerceptron(ReadOnlySpan<float> perceptron, Span<float> emissions)
    {
        for (int i = 0; i < emissions.Length; i++) emissions[i] += _scale * perceptron[i];
    }

    private float[] Sum(float[] network, float[] perceptron)
    {
        var sum = new float[network.Length];
        for (int i = 0; i < sum.Length; i++) sum[i] = network[i] + _scale * perceptron[i];
        return sum;
    }
}
