using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;

namespace Extractor.Recognition.Neural;

/// <summary>The accurate tier's tagger (issue #36): a bidirectional LSTM with a CRF over word vectors, a character
/// CNN, the base model's word classes and the indicators of <see cref="NeuralInputs"/>; trained by
/// scripts/neural/train.py, packed by the maintainer tool <c>extractor-neural</c>, run by <see cref="NeuralTagger"/>.</summary>
/// <remarks>Immutable after loading; one instance serves every thread. Matrices are row-major float arrays laid out
/// as the training tool's (PyTorch's) tensors, so the forward pass reads them exactly as training computed them.</remarks>
internal sealed class NeuralModel : ITransitionScores
{
    /// <summary>Characters of a word the CNN reads: its first 20 code points (train.py's MAX_CHARS).</summary>
    public const int MaxChars = 20;

    /// <summary>Width of the character CNN's window.</summary>
    public const int CharWindow = 3;

    /// <summary>Character id of a character the training data did not show often enough to have its own.</summary>
    public const int UnknownChar = 1;

    /// <summary>The version of the base model it was trained beside (for provenance; <see cref="ClassesFingerprint"/> decides).</summary>
    public required string BaseModel { get; init; }

    /// <summary>What the network reads of a base model (its word classes and phrase lists: <see cref="NeuralInputs.Fingerprint"/>);
    /// a base model with another is refused, since its class ids would pick the wrong vectors.</summary>
    public required ulong ClassesFingerprint { get; init; }

    /// <summary>How much of the base model's second-pass scores (divided by its temperature) is added to the network's
    /// before decoding: 0 tags with the network alone. Chosen on dev when the tier is packed.</summary>
    public required float PerceptronWeight { get; init; }
    public required string Settings { get; init; }
    public required double DevF1 { get; init; }

    /// <summary>The words that have a vector, in their normalized form (<see cref="NeuralInputs.Normalize"/>).</summary>
    public required WordIndex Words { get; init; }
    public required int VectorDim { get; init; }
    /// <summary>Word vectors as int8, <c>word × VectorDim</c>, each row times its <see cref="VectorScales"/> entry.</summary>
    public required sbyte[] Vectors { get; init; }
    public required float[] VectorScales { get; init; }

    /// <summary>Character id of each code point (<see cref="UnknownChar"/> for the rest), as code point → id.</summary>
    public required IReadOnlyDictionary<int, int> CharIds { get; init; }
    public required int CharDim { get; init; }
    public required float[] CharEmbeddings { get; init; }
    public required int CharFilters { get; init; }
    /// <summary>PyTorch Conv1d layout: <c>filter × CharDim × CharWindow</c>.</summary>
    public required float[] ConvWeights { get; init; }
    public required float[] ConvBias { get; init; }

    public required int ClassDim { get; init; }
    /// <summary>Row 0 (no class) is zero.</summary>
    public required float[] ClassEmbeddings { get; init; }
    public required int ClassCount { get; init; }

    public required int Hidden { get; init; }
    public required LstmDirection Forward { get; init; }
    public required LstmDirection Backward { get; init; }

    /// <summary><c>tag × 2·Hidden</c>.</summary>
    public required float[] OutWeights { get; init; }
    public required float[] OutBias { get; init; }

    public required float[] Transitions { get; init; }
    public required float[] Start { get; init; }
    public required float[] End { get; init; }

    public TagSet Tags { get; } = new(TagEncoding.Bilou);

    /// <summary>Softmax temperature of the marginals that score mentions, fitted on dev when the tier is packed (the
    /// product of two taggers' distributions is sharper than either, so its raw marginals are overconfident).</summary>
    public required float Temperature { get; init; }

    /// <summary>Length of a token's input vector: word vector, character features, class and phrase-class vectors, indicators.</summary>
    public int InputDim => VectorDim + CharFilters + 2 * ClassDim + NeuralInputs.DenseCount;

    /// <summary>The inputs that are computed (the indicators are added by column instead).</summary>
    public int ComputedInputs => VectorDim + CharFilters + 2 * ClassDim;
}

/// <summary>One direction of the LSTM, in PyTorch's gate order (input, forget, cell, output).</summary>
/// <param name="InputWeights"><c>4·Hidden × ComputedInputs</c>: the input weights of the computed inputs.</param>
/// <param name="IndicatorColumns"><c>DenseCount × 4·Hidden</c>: the input weights of each indicator, as a column.</param>
/// <param name="HiddenWeights"><c>4·Hidden × Hidden</c>.</param>
/// <param name="Bias">The input and hidden biases summed, <c>4·Hidden</c>.</param>
internal sealed record LstmDirection(float[] InputWeights, float[] IndicatorColumns, float[] HiddenWeights, float[] Bias);
