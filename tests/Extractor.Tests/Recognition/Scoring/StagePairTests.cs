using Extractor.Models;
using Extractor.Recognition;
using Extractor.Recognition.Decoding;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Recognition;

/// <summary>Tagging both stages through one table must give what tagging each stage on its own gives, to the bit.</summary>
public class StagePairTests
{
    private static NerModel Model => ShippedModel.Model;

    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal))
            data.Add(File.ReadAllText(file));
        data.Add("Reuters.\n\nObama said.\n\nIRAQ\n\nJapan Wins Lucky Match In Tokyo\n\nJapan won on Sunday in Tokyo, Marco Rubio said.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void PairedTagging_GivesTheTagsAndConfidencesOfEachStageOnItsOwn(string text)
    {
        var second = Model.SecondPass!;
        var firstExtractor = new FeatureExtractor(Model.FirstPass.Features, Model.Classes);
        var secondExtractor = new FeatureExtractor(second.Features, Model.Classes);
        var pair = StagePair.TryCreate(Model.FirstPass, firstExtractor, second, secondExtractor);
        Assert.NotNull(pair);
        var (tokens, sentences) = Segment(text);

        // Each stage on its own, as training's evaluation runs them.
        var alone = Featurize(text, tokens, sentences);
        var runner = new StageRunner();
        var tags = new int[tokens.Length];
        var confidence = new float[tokens.Length];
        runner.Tag(Model.FirstPass, firstExtractor, alone, sentences, tags, []);
        var firstTags = (int[])tags.Clone();
        AddFirstPass(tags, alone);
        runner.Tag(second, secondExtractor, alone, sentences, tags, confidence);

        var paired = Featurize(text, tokens, sentences);
        var pairRunner = new StageRunner();
        var pairTags = new int[tokens.Length];
        var pairConfidence = new float[tokens.Length];
        pairRunner.TagFirstOfPair(pair, paired, sentences, pairTags);
        Assert.Equal(firstTags, pairTags);
        AddFirstPass(pairTags, paired);
        pairRunner.TagSecondOfPair(pair, paired, sentences, pairTags, pairConfidence);

        Assert.Equal(tags, pairTags);
        Assert.Equal(confidence, pairConfidence);
        Assert.Contains(tags, tag => tag != TagSet.Outside);
    }

    [Fact]
    public void TryCreate_RefusesStagesWhoseFeaturesDifferByMoreThanTheLabelFeatures()
    {
        var second = Model.SecondPass!;
        var first = Model.FirstPass;
        var narrower = new PerceptronModel(first.Tags, first.Features & ~FeatureSet.Shape, first.Index, first.Weights.ToArray(),
            first.Transitions, first.Start, first.End, first.Temperature);
        Assert.Null(StagePair.TryCreate(narrower, new FeatureExtractor(narrower.Features, Model.Classes),
            second, new FeatureExtractor(second.Features, Model.Classes)));
        Assert.NotNull(StagePair.TryCreate(first, new FeatureExtractor(first.Features, Model.Classes),
            second, new FeatureExtractor(second.Features, Model.Classes)));
    }

    /// <summary>Tokens and sentences as the pipeline makes them.</summary>
    internal static (Token[] Tokens, Sentence[] Sentences) Segment(string text)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        new Tokenizer().Tokenize(text, tokens);
        new SentenceSplitter().Split(text, tokens.ToArray(), sentences);
        return ([.. tokens], [.. sentences]);
    }

    private static TokenInfo[] Featurize(string text, Token[] tokens, Sentence[] sentences)
    {
        var infos = new TokenInfo[tokens.Length];
        new DocumentFeaturizer(Model.Classes, WordLists.Default).Fill(text, tokens, sentences, infos);
        return infos;
    }

    private static void AddFirstPass(int[] tags, TokenInfo[] infos)
    {
        var labels = new byte[tags.Length];
        EntityRecognizer.LabelsOf(Model.FirstPass.Tags, tags, labels);
        new DocumentFeaturizer(Model.Classes, WordLists.Default).AddFirstPass(labels, infos);
    }
}
