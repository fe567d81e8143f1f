using Extractor.Knowledge;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Text;
using Extractor.Training;

namespace Extractor.Tests.Training;

public class PerceptronTrainerTests(TrainedFixture fixture) : IClassFixture<TrainedFixture>
{
    [Fact]
    public void Train_LearnsSyntheticPattern_AboveNinetyFiveF1()
    {
        Assert.True(fixture.Model.Info.DevF1 > 95, $"dev F1 {fixture.Model.Info.DevF1}");
        Assert.NotNull(fixture.Model.SecondPass);
    }

    [Fact]
    public void Train_SameSeed_GivesIdenticalWeights()
    {
        var again = new PerceptronTrainer(fixture.Options, null, null).Train(fixture.Train, fixture.Dev, "synthetic", null);
        Assert.Equal(fixture.Model.FirstPass.Weights.ToArray(), again.FirstPass.Weights.ToArray());
        Assert.Equal(fixture.Model.SecondPass!.Weights.ToArray(), again.SecondPass!.Weights.ToArray());
        Assert.Equal(fixture.Model.SecondPass.Index.Ids(), again.SecondPass.Index.Ids());
    }

    [Fact]
    public void Train_WithoutSecondPass_HasOneStage()
    {
        var options = fixture.Options with { Features = FeatureSet.All & ~FeatureSet.SecondPass, Epochs = 2 };
        var model = new PerceptronTrainer(options, null, null).Train(fixture.Train, fixture.Dev, "synthetic", null);
        Assert.Null(model.SecondPass);
        Assert.Equal(0u, (uint)(model.FirstPass.Features & (FeatureSet.SecondPass | FeatureSet.Gazetteers | FeatureSet.WordClasses)));
    }

    [Fact]
    public void Recognize_UnseenNames_FromContext()
    {
        var recognizer = new EntityRecognizer(fixture.Model, null);
        const string text = "Zorro Quimby said in Paris that Boeing will grow .";
        var tokens = Tokens(text);
        var mentions = recognizer.Recognize(text, tokens, [new Sentence(0, tokens.Length)]);
        Assert.Contains(mentions, m => m.TextOf(text) == "Zorro Quimby" && m.Label == EntityLabel.Person);
        Assert.Contains(mentions, m => m.TextOf(text) == "Paris" && m.Label == EntityLabel.Location);
        Assert.All(mentions, m => Assert.InRange(m.Score, 0f, 1f));
    }

    [Fact]
    public void Recognize_MentionsNeverCrossSentences()
    {
        var recognizer = new EntityRecognizer(fixture.Model, null);
        const string text = "John Smith said in Paris\nSmith Garcia said .";
        var tokens = Tokens(text);
        var mentions = recognizer.Recognize(text, tokens, [new Sentence(0, 5), new Sentence(5, tokens.Length)]);
        Assert.All(mentions, m => Assert.True(m.EndToken <= 5 || m.FirstToken >= 5));
        Assert.All(mentions, m => Assert.Equal(m.FirstToken >= 5 ? 1 : 0, m.Sentence));
    }

    internal static Token[] Tokens(string text)
    {
        var tokens = new List<Token>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool space = i == text.Length || char.IsWhiteSpace(text[i]);
            if (space && start >= 0) { tokens.Add(new Token(start, i)); start = -1; }
            else if (!space && start < 0) start = i;
        }
        return [.. tokens];
    }
}
