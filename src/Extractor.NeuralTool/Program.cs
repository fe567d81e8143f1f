using Extractor.IO.Models;
using Extractor.NeuralTool;
using Extractor.Training;

// extractor-neural: the maintainer side of the accurate tier (issue #36). Commands in models/README.md.
//   dump MODEL CONLL OUT   the tagger's inputs for labelled data, as the library computes them
//   pack WEIGHTS MODEL W T OUT  the weights scripts/neural/train.py exported, checked and written as the tier's model
//                          file; W is the base model's weight in the decoding (0: the network alone), T the
//                          marginals' temperature (both chosen on dev: models/README.md)
//   check TIER REFERENCE  this build's forward pass against the outputs train.py stored for the same inputs
const string usage = "usage: extractor-neural dump MODEL CONLL OUT.tsv | pack WEIGHTS.bin MODEL PERCEPTRON_WEIGHT TEMPERATURE OUT.model | check TIER.model REFERENCE.tsv";
try
{
    switch (args)
    {
        case ["dump", var model, var conll, var output]:
            using (var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false)))
                InputDump.Write(ModelFiles.Load(model), ConllReader.ReadFile(conll), writer);
            return 0;
        case ["pack", var weights, var model, var weight, var temperature, var output]:
            TierPacking.Pack(weights, ModelFiles.Load(model), float.Parse(weight, System.Globalization.CultureInfo.InvariantCulture),
                float.Parse(temperature, System.Globalization.CultureInfo.InvariantCulture), output);
            return 0;
        case ["check", var tier, var reference]:
            using (var reader = new StreamReader(reference))
            {
                var result = Extractor.Recognition.Neural.NeuralReference.Compare(Extractor.Models.NeuralModelFile.ReadFile(tier), reader);
                Console.WriteLine($"{result.Sentences} sentences, {result.Tokens} tokens: largest emission difference {result.MaxDifference:G3}, {result.TagsDiffering} tags differ");
                return result.TagsDiffering == 0 && result.MaxDifference <= 1e-3 ? 0 : 1;
            }
        default:
            Console.Error.WriteLine(usage);
            return 2;
    }
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
{
    Console.Error.WriteLine($"extractor-neural: {e.Message}");
    return 1;
}
