using Extractor.Recognition.Features;
using Extractor.Recognition.Neural;

namespace Extractor.Tests.Recognition.Neural;

public class NeuralForwardPassTests
{
    /// <summary>The stated tolerance: the C# pass sums in another order than PyTorch's, never by more than this.</summary>
    private const double Tolerance = 1e-3;

    [Fact]
    public void ShippedWeights_ReproduceTheTrainingToolsOutputs()
    {
        using var reference = new StreamReader(ShippedTier.ReferencePath);
        var result = NeuralReference.Compare(ShippedTier.Model, reference);
        Assert.Equal(40, result.Sentences);
        Assert.True(result.Tokens > 300, $"{result.Tokens} tokens");
        Assert.True(result.MaxDifference <= Tolerance, $"largest emission difference {result.MaxDifference}");
        Assert.Equal(0, result.TagsDiffering);
    }

    [Fact]
    public void AChangedWeight_IsCaught()
    {
        // The check must be able to fail: the same reference against a tier with one output bias moved.
        var model = ShippedTier.Model;
        var bias = (float[])model.OutBias.Clone();
        bias[1] += 0.5f;
        var moved = new NeuralModel
        {
            BaseModel = model.BaseModel,
            ClassesFingerprint = model.ClassesFingerprint,
            PerceptronWeight = model.PerceptronWeight,
            Temperature = model.Temperature,
            Settings = model.Settings,
            DevF1 = model.DevF1,
            Words = model.Words,
            VectorDim = model.VectorDim,
            Vectors = model.Vectors,
            VectorScales = model.VectorScales,
            CharIds = model.CharIds,
            CharDim = model.CharDim,
            CharEmbeddings = model.CharEmbeddings,
            CharFilters = model.CharFilters,
            ConvWeights = model.ConvWeights,
            ConvBias = model.ConvBias,
            ClassDim = model.ClassDim,
            ClassEmbeddings = model.ClassEmbeddings,
            ClassCount = model.ClassCount,
            Hidden = model.Hidden,
            Forward = model.Forward,
            Backward = model.Backward,
            OutWeights = model.OutWeights,
            OutBias = bias,
            Transitions = model.Transitions,
            Start = model.Start,
            End = model.End,
        };
        using var reference = new StreamReader(ShippedTier.ReferencePath);
        Assert.True(NeuralReference.Compare(moved, reference).MaxDifference >= 0.49);
    }

    [Fact]
    public void AWordsCachedProduct_GivesTheSameFloatsAsItsFirstComputation()
    {
        var words = new (string, int, int, int[])[] { ("Peter", 480, 0, [0, 8, 9]), ("Blackburn", 412, 0, [0, 8]), ("said", 0, 0, [2, 8]), ("Peter", 480, 0, [0, 8]) };
        int tags = ShippedTier.Model.Tags.Count;
        var fresh = new float[words.Length * tags];
        var again = new float[words.Length * tags];
        var tagger = new NeuralTagger(ShippedTier.Model);
        tagger.Emissions(words, fresh);
        tagger.Emissions(words, again);
        Assert.Equal(fresh, again);
        var other = new float[words.Length * tags];
        new NeuralTagger(ShippedTier.Model).Emissions(words, other);
        Assert.Equal(fresh, other);
    }

    [Fact]
    public void Indicators_RebuiltFromTheDumpsColumns_AreTheSame()
    {
        // Property: for random token facts, the indicators of the facts rebuilt from the dumped indicators are those
        // indicators, so the reference test feeds the network exactly what the dump recorded.
        var random = new Random(7);
        Span<int> active = stackalloc int[NeuralInputs.MaxActive];
        Span<int> again = stackalloc int[NeuralInputs.MaxActive];
        for (int trial = 0; trial < 2000; trial++)
        {
            var info = new TokenInfo
            {
                Flags = (TokenFlags)random.Next(1 << 11),
                Gazetteer = (GazetteerHits)random.Next(1 << 8),
                ListParts = (uint)random.Next(5) | (uint)random.Next(5) << 4 | (uint)random.Next(5) << 8 | (uint)random.Next(5) << 12,
                DocumentCase = (DocumentCase)random.Next(4),
                PhrasePart = (byte)random.Next(4),
                Cluster = random.Next(-1, 1000),
                Phrase = random.Next(0, 1001),
            };
            int n = NeuralInputs.Active(info, active);
            var rebuilt = NeuralInputs.InfoOf(NeuralInputs.ClassOf(info), NeuralInputs.PhraseClassOf(info), active[..n]);
            int m = NeuralInputs.Active(rebuilt, again);
            Assert.Equal(active[..n].ToArray(), again[..m].ToArray());
            Assert.Equal(NeuralInputs.ClassOf(info), NeuralInputs.ClassOf(rebuilt));
        }
    }

    [Theory]
    [InlineData("Peter", "peter")]
    [InlineData("1996-08-22", "0000-00-00")]
    [InlineData("ÉLYSÉE", "élysée")]
    [InlineData("٣", "٣")]
    public void Normalize_LowercasesAndZeroesAsciiDigits(string word, string expected)
    {
        var buffer = new char[word.Length];
        int n = NeuralInputs.Normalize(word, buffer);
        Assert.Equal(expected, new string(buffer, 0, n));
    }
}
