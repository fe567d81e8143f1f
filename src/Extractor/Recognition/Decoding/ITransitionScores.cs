namespace Extractor.Recognition.Decoding;

/// <summary>What the decoders read of a tagging stage: its tag set and transition weights, never its features.</summary>
/// <remarks>An interface here, implemented by the scoring room's <c>PerceptronModel</c>, so that decoding depends on
/// nothing above it. The decoders cache tables built from it by reference, so an implementation returns the same
/// arrays every time.</remarks>
internal interface ITransitionScores
{
    /// <summary>The tag inventory and which transitions it allows.</summary>
    TagSet Tags { get; }

    /// <summary>Transition weights, <c>from × tags + to</c>.</summary>
    float[] Transitions { get; }

    /// <summary>Weights of each tag at the start of a sentence.</summary>
    float[] Start { get; }

    /// <summary>Weights of each tag at the end of a sentence.</summary>
    float[] End { get; }

    /// <summary>Softmax temperature of the marginals (1 = the scores as trained).</summary>
    float Temperature { get; }
}
