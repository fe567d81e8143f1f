using Extractor.Clustering;
using static Extractor.Tests.Clustering.ClusteringTestData;

namespace Extractor.Tests.Clustering;

public class NamePhrasesTests
{
    [Fact]
    public void Find_KeepsCapitalizedRunsSeenOftenEnough()
    {
        TokenCorpus corpus = Corpus(["fans of Manchester United cheered", "we saw Manchester United play", "a visit to Old Trafford Stadium", "Manchester is wet"]);

        NamePhrases phrases = NamePhrases.Find(corpus, minCount: 2);

        Assert.Equal(["Manchester United"], Texts(corpus, phrases));
        Assert.Equal([2L], phrases.Counts);
        Assert.Equal(["Manchester United", "Old Trafford Stadium"], Texts(corpus, NamePhrases.Find(corpus, minCount: 1)));
    }

    [Fact]
    public void Find_DropsCommonWordsAtASentenceStart_ButNotMidSentence()
    {
        // "In" and "New" are more often lowercase; only the sentence start explains a capital on "In".
        TokenCorpus corpus = Corpus(["In New York it rains .", "they live in New York now", "the new car", "new cars", "a new day", "in the car in a van in a box", "In Paris . In Paris"]);

        NamePhrases phrases = NamePhrases.Find(corpus, minCount: 2);

        Assert.Equal(["New York"], Texts(corpus, phrases));
        Assert.Equal([2L], phrases.Counts);
    }

    [Fact]
    public void Find_LeavesOutRunsLongerThanFourWords_AndSingleWords()
    {
        TokenCorpus corpus = Corpus(["see Alpha Beta Gamma Delta Epsilon go", "see Alpha Beta Gamma Delta Epsilon go", "Paris", "Paris"]);

        Assert.Equal(0, NamePhrases.Find(corpus, minCount: 1).Count);
    }

    [Fact]
    public void Rewrite_ReplacesTheLongestKnownPhrase_LeftToRight()
    {
        TokenCorpus corpus = Corpus(["by the New York Times", "by the New York Times", "in New York", "in New York", "at New York Times Square"]);
        NamePhrases phrases = NamePhrases.Find(corpus, minCount: 2);
        int times = Index(corpus, phrases, "New York Times"), york = Index(corpus, phrases, "New York");
        int first = corpus.TypeCount;

        int[] rewritten = phrases.Rewrite(corpus.Tokens, first);

        var words = rewritten.Select(id => id == TokenCorpus.Break ? "|" : id >= first ? $"[{id - first}]" : corpus.Word(id));
        Assert.Equal($"by the [{times}] | by the [{times}] | in [{york}] | in [{york}] | at [{times}] Square |", string.Join(' ', words));
    }

    [Fact]
    public void Cluster_Phrases_JoinTheClassOfWordsUsedAlike_NotTheClassOfTheirWords()
    {
        // "Manchester" alone is a city; "Manchester United" stands where the clubs stand.
        string[] text =
        [
            "the club Arsenal won again", "the club Chelsea won again", "the club Everton won again",
            "she lives in Paris today", "she lives in Rome today", "she lives in Manchester today",
            "she lives in Manchester today", "she lives in Manchester today", "she lives in Manchester today",
            "the club Manchester United won again", "the club Manchester United won again",
        ];
        TokenCorpus corpus = Corpus(text, repeat: 5);

        WordClusters clusters = ContextClusterer.Cluster(corpus, clusterCount: 6, minCount: 5, contextWords: 20, seed: 1, phraseMinCount: 5);
        WordClusters plain = ContextClusterer.Cluster(corpus, clusterCount: 6, minCount: 5, contextWords: 20, seed: 1);

        Assert.Equal(PathOf(clusters, "Arsenal"), PathOf(clusters, "Manchester United"));
        Assert.Equal(PathOf(clusters, "Paris"), PathOf(clusters, "Manchester"));
        Assert.NotEqual(PathOf(clusters, "Paris"), PathOf(clusters, "Arsenal"));
        Assert.Equal(plain.WordCount + 1, clusters.WordCount);
        foreach (var entry in plain.Entries.ToArray())
            Assert.Equal(entry.Path, PathOf(clusters, entry.Word));
    }

    private static string[] Texts(TokenCorpus corpus, NamePhrases phrases) =>
        [.. phrases.Words.Select(ids => string.Join(' ', ids.Select(corpus.Word)))];

    private static int Index(TokenCorpus corpus, NamePhrases phrases, string text) => Array.IndexOf(Texts(corpus, phrases), text);
}
