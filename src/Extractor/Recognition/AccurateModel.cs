using Extractor.Recognition.Neural;

namespace Extractor.Recognition;

/// <summary>The accurate tier (<c>--accurate</c>): a neural tagger that reads words from their characters and
/// sentences in both directions, slower than the default perceptron and more accurate on names it never saw. Loaded
/// with <c>ModelFiles.LoadAccurate</c>; handed to a pipeline beside the base model, whose word classes and lists it
/// reads.</summary>
public sealed class AccurateModel
{
    internal AccurateModel(NeuralModel network) => Network = network;

    internal NeuralModel Network { get; }

    /// <summary>The version of the base model whose word classes and lists it was trained with (it refuses any other).</summary>
    public string BaseModel => Network.BaseModel;

    /// <summary>True when <paramref name="model"/> has the word classes and lists the tier was trained with: the only
    /// base models a pipeline takes it beside (another would hand it wrong class ids).</summary>
    public bool Fits(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Network.ClassesFingerprint == NeuralInputs.Fingerprint(model.Classes, model.Lists);
    }

    /// <summary>Its dev F1 (CoNLL-2003 <c>eng.testa</c>) when it was trained, before name rules.</summary>
    public double DevF1 => Network.DevF1;
}
