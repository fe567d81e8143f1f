using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

public class WordIndexTests
{
    [Fact]
    public void IndexOf_FindsEveryWord_CaseAndLengthExact()
    {
        string[] words = ["Paris", "paris", "Par", "Zürich", "it’s", "it's", "", "New York"];
        var index = WordIndex.Of(words);

        Assert.Equal(words.Length, index.Count);
        for (int w = 0; w < words.Length; w++)
        {
            Assert.Equal(w, index.IndexOf(words[w]));
            Assert.Equal(words[w], index.Word(w).ToString());
        }
        // "it’s" and "it's" hash alike (typographic quotes are normalized) but are different words.
        Assert.NotEqual(index.IndexOf("it’s"), index.IndexOf("it's"));
        Assert.Equal(-1, index.IndexOf("PARIS"));
        Assert.Equal(-1, index.IndexOf("Pari"));
        Assert.Equal(-1, index.IndexOf("New York "));
    }

    [Fact]
    public void ManyWords_AllFound_MissesEnd()
    {
        var words = Enumerable.Range(0, 50_000).Select(i => $"w{i}").ToArray();
        var index = WordIndex.Of(words);

        Assert.All(Enumerable.Range(0, words.Length), w => Assert.Equal(w, index.IndexOf(words[w])));
        Assert.Equal(-1, index.IndexOf("w50000"));
        Assert.Equal(-1, WordIndex.Of([]).IndexOf("anything"));
    }

    [Fact]
    public void RepeatedWord_Rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => WordIndex.Of(["Lima", "said", "Lima"]));
        Assert.Contains("\"Lima\" occurs twice", e.Message);
    }

    [Theory]
    [InlineData(new[] { 1, 3 })]      // does not start at 0
    [InlineData(new[] { 0, 3, 2 })]   // a word ends before it starts
    [InlineData(new[] { 0, 9 })]      // past the characters
    public void BadOffsets_Rejected(int[] start)
    {
        Assert.Throws<ArgumentException>(() => new WordIndex("abcdef".ToCharArray(), start));
    }
}
