using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Recognition.Features;

public class PhraseListsTests
{
    private static readonly PhraseLists Lists = PhraseLists.Compile(
        [
            ("places", ["Kandahār", "Lashkar Gāh", "Al Fallūjah", "New York", "New York Mills", "York"]),
            ("subdivisions", ["New York", "Helmand"]),
        ],
        new Tokenizer());

    /// <summary>The list bits of a whole name as the text spells it, and whether a longer name continues it.</summary>
    private static uint Bits(string name, out bool longer)
    {
        var tokens = new List<Token>();
        new Tokenizer().Tokenize(name, tokens);
        ulong h = 0;
        uint bits = 0;
        longer = false;
        foreach (var t in tokens)
        {
            h = PhraseLists.Extend(h, PhraseLists.Fold(t.Of(name)));
            bits = Lists.Find(h, out longer);
        }
        return bits;
    }

    [Theory]
    [InlineData("Kandahar")]
    [InlineData("KANDAHAR")]
    [InlineData("Kandahār")]
    [InlineData("Lashkar Gah")]
    [InlineData("Fallujah")]
    [InlineData("al-Fallujah")]
    [InlineData("Al Fallujah")]
    public void Find_FoldsCaseDiacriticsAndTheArabicArticle(string text) => Assert.Equal(1u, Bits(text, out _));

    [Fact]
    public void Find_ANameInTwoLists_HasBothBits_AndKnowsALongerNameContinuesIt()
    {
        Assert.Equal(3u, Bits("New York", out bool longer));
        Assert.True(longer);
        Assert.Equal(0u, Bits("New", out bool prefix));
        Assert.True(prefix);
        Assert.Equal(0u, Bits("Lashkar Kandahar", out _));
    }

    [Fact]
    public void Compile_CountsNamesOnce_AndTheTableIsAPowerOfTwo()
    {
        Assert.Equal(["places", "subdivisions"], Lists.Names);
        Assert.Equal([6, 2], Lists.Counts);
        Assert.Equal(0, Lists.Keys.Length & (Lists.Keys.Length - 1));
    }

    [Fact]
    public void Recognizer_LongestListedNameAtEachToken_BecomesFeatures_OnlyForModelsTrainedWithThem()
    {
        // The shipped model has no lists: a lexicon with lists must not change its output.
        string text = "Fighting continued near Kandahar, Hodeidah and Lashkar Gah.";
        var plain = new EntityRecognizer(ShippedModel.Model, WordLists.Default);
        var withLists = new EntityRecognizer(ShippedModel.Model, WordLists.Default.WithLists(Lists));
        var tokens = new List<Token>();
        new Tokenizer().Tokenize(text, tokens);
        var sentences = new List<Sentence> { new(0, tokens.Count) };

        Assert.Equal(plain.Recognize(text, tokens.ToArray(), sentences.ToArray()), withLists.Recognize(text, tokens.ToArray(), sentences.ToArray()));
    }
}

public class PhraseListsModelFileTests
{
    [Fact]
    public void ModelFile_KeepsTheListsTable_AsWritten()
    {
        var lists = PhraseLists.Compile([("places", ["Lashkar Gāh", "Kandahār"])], new Tokenizer());
        var stream = new MemoryStream();
        Extractor.Models.ModelWriter.Write(ShippedModel.Model with { Lists = lists }, stream);

        var read = Extractor.Models.ModelReader.Read(stream.ToArray(), "memory").Lists!;

        Assert.Equal(["places"], read.Names);
        Assert.Equal([2], read.Counts);
        Assert.True(lists.Keys.SequenceEqual(read.Keys));
        Assert.True(lists.Values.SequenceEqual(read.Values));
        Assert.Equal(1u, read.Find(PhraseLists.Extend(0, PhraseLists.Fold("KANDAHAR")), out _));
    }
}
