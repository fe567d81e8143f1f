using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

public class NamePhraseMarkingTests
{
    private static readonly WordClassTable Classes = new([
        ("Manchester", "0011"), ("United", "0100"), ("Manchester United", "1010"),
        ("New York", "1100"), ("New York Times", "1110"), ("Times", "0110"),
    ]);

    [Fact]
    public void Fill_MarksEachWordOfAKnownPhrase_WithThePhraseClassAndItsPlace()
    {
        var (_, infos) = Featurize("Fans of Manchester United cheered in Manchester.");

        int club = Classes.ClusterOf("Manchester United");
        Assert.Equal([0, 0, club + 1, club + 1, 0, 0, 0, 0], infos.Select(i => i.Phrase));
        Assert.Equal([0, 0, 1, 3, 0, 0, 0, 0], infos.Select(i => (int)i.PhrasePart));
        Assert.Equal(Classes.ClusterOf("Manchester"), infos[6].Cluster);
    }

    [Fact]
    public void Fill_TakesTheLongestPhrase_AndFindsOneAfterASentenceInitialWord()
    {
        var (_, infos) = Featurize("In New York Times Square was full.");

        int paper = Classes.ClusterOf("New York Times");
        Assert.Equal([0, paper + 1, paper + 1, paper + 1, 0, 0, 0, 0], infos.Select(i => i.Phrase));
        Assert.Equal([0, 1, 2, 3, 0, 0, 0, 0], infos.Select(i => (int)i.PhrasePart));
    }

    [Fact]
    public void Fill_LooksUpAnAllCapsPhraseInTitleCase()
    {
        var (_, infos) = Featurize("MANCHESTER UNITED WIN AGAIN");

        int club = Classes.ClusterOf("Manchester United");
        Assert.Equal([club + 1, club + 1, 0, 0], infos.Select(i => i.Phrase));
    }

    [Fact]
    public void Fill_MarksNoPhrase_WhenTheWordsAreNotAdjacentCapitals()
    {
        var (_, infos) = Featurize("manchester united and Manchester, United fans");

        Assert.All(infos, i => Assert.Equal(0, i.Phrase));
    }

    [Fact]
    public void Features_OfAPhraseWord_AddThePhraseTemplates()
    {
        var (_, marked) = Featurize("Fans of Manchester United cheered.");
        var unmarked = (TokenInfo[])marked.Clone();
        unmarked[2].Phrase = 0;
        // Without the second pass, whose templates come last, the phrase templates end the list.
        var extractor = new FeatureExtractor(FeatureSet.All & ~FeatureSet.SecondPass, Classes);
        Span<ulong> withPhrase = stackalloc ulong[FeatureExtractor.MaxFeatures];
        Span<ulong> without = stackalloc ulong[FeatureExtractor.MaxFeatures];

        int n = extractor.ExtractContext(marked, 2, withPhrase);
        int m = extractor.ExtractContext(unmarked, 2, without);

        Assert.Equal(m + 4, n);
        Assert.True(without[..m].SequenceEqual(withPhrase[..m]));
    }

    private static (string Text, TokenInfo[] Infos) Featurize(string text)
    {
        var (tokens, sentences) = StagePairTests.Segment(text);
        var infos = new TokenInfo[tokens.Length];
        new DocumentFeaturizer(Classes, WordLists.Default).Fill(text, tokens, sentences, infos);
        return (text, infos);
    }
}
