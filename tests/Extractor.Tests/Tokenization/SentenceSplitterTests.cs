using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Tokenization;

public sealed class SentenceSplitterTests
{
    private static readonly Tokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new();

    /// <summary>Sentences of <paramref name="text"/>, tokens joined by a space, sentences by " | ".</summary>
    internal static string Split(string text, SentenceSplitter? splitter = null)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        var sentences = new List<Sentence>();
        (splitter ?? Splitter).Split(text, tokens.ToArray(), sentences);
        return string.Join(" | ", sentences.Select(s =>
            string.Join(' ', tokens.Skip(s.FirstToken).Take(s.Count).Select(t => t.Of(text).ToString()))));
    }

    [Theory]
    [InlineData("It did not happen. He left.", "It did not happen . | He left .")]
    [InlineData("Why? Nobody knows! Ok", "Why ? | Nobody knows ! | Ok")]
    [InlineData("It ended... Then it began.", "It ended ... | Then it began .")]
    [InlineData("It ended\u2026 Then it began.", "It ended \u2026 | Then it began .")]
    [InlineData("He won 5-3. 200 people came.", "He won 5-3 . | 200 people came .")]
    [InlineData("He said so. \"Go home.\"", "He said so . | \" Go home . \"")]
    [InlineData("Really? yes, really.", "Really ? yes , really .")]
    [InlineData("Version 2.0 shipped.", "Version 2.0 shipped .")]
    [InlineData("It was fine.Then", "It was fine.Then")]
    public void Split_TerminalPunctuation_EndsSentenceBeforeCapitalOrDigitOrQuote(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Rubio said, \u201CIt didn\u2019t happen.\u201D So that\u2019s it.", "Rubio said , \u201C It did n\u2019t happen . \u201D | So that \u2019s it .")]
    [InlineData("\u201CWhy?\u201D he asked.", "\u201C Why ? \u201D he asked .")]
    [InlineData("(He left.) Then", "( He left . ) | Then")]
    [InlineData("He said \"no.\" She agreed.", "He said \" no . \" | She agreed .")]
    public void Split_ClosingQuoteAfterPeriod_BelongsToTheEndingSentence(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("U.S. Secretary of State Marco Rubio said.", "U.S. Secretary of State Marco Rubio said .")]
    [InlineData("the U.S. State Department warned.", "the U.S. State Department warned .")]
    [InlineData("Gen. Dan Caine will arrive.", "Gen. Dan Caine will arrive .")]
    [InlineData("He met Mr. He Lifeng today.", "He met Mr. He Lifeng today .")]
    [InlineData("J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it .")]
    [InlineData("Acme Inc. President Jane Doe spoke.", "Acme Inc. President Jane Doe spoke .")]
    [InlineData("It opened No. 5 today.", "It opened No. 5 today .")]
    public void Split_AbbreviationInsideSentence_DoesNotEndIt(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("troops in the U.S. He said so.", "troops in the U.S. | He said so .")]
    [InlineData("led by the U.S. Approximately 200 came.", "led by the U.S. | Approximately 200 came .")]
    [InlineData("a unit of Acme Inc. The deal closed.", "a unit of Acme Inc. | The deal closed .")]
    [InlineData("We chose Plan B. However, it failed.", "We chose Plan B. | However , it failed .")]
    [InlineData("It was led by the U.S.", "It was led by the U.S.")]
    public void Split_AbbreviationBeforeSentenceStarter_EndsSentence(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Intelligence Sharing Blocks Attack\nRubio confirmed it.", "Intelligence Sharing Blocks Attack | Rubio confirmed it .")]
    [InlineData("Title\r\nBody text.", "Title | Body text .")]
    [InlineData("first part\n\nsecond part", "first part | second part")]
    [InlineData("first part\r\n  \r\nsecond part", "first part | second part")]
    [InlineData("first part\u2029second part", "first part | second part")]
    [InlineData("He left.\nthen more", "He left . | then more")]
    [InlineData("a hard-wrapped line of the\ntext continues here.", "a hard-wrapped line of the text continues here .")]
    [InlineData("countries such as Qatar,\nEgypt and Turkey.", "countries such as Qatar , Egypt and Turkey .")]
    [InlineData("Kushner answered:\n\u201CBecause.\u201D", "Kushner answered : | \u201C Because . \u201D")]
    [InlineData("Source: Original article\n\n\n\nLeave a Reply", "Source : Original article | Leave a Reply")]
    public void Split_LineBreak_EndsSentenceUnlessTheLineContinues(string text, string expected) =>
        Assert.Equal(expected, Split(text));

    [Fact]
    public void Split_LongRunWithoutPunctuation_IsCutAtMaxTokens()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", 600));
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        var sentences = new List<Sentence>();
        Splitter.Split(text, tokens.ToArray(), sentences);
        Assert.Equal([new Sentence(0, 256), new Sentence(256, 512), new Sentence(512, 600)], sentences);
    }

    [Fact]
    public void Split_ClosersPastTheCap_NeverExceedMaxTokens()
    {
        var splitter = new SentenceSplitter(maxTokens: 3);
        Assert.Equal("a b . | \" ) | Next", Split("a b.\")  Next", splitter));
    }

    [Fact]
    public void Split_NonPositiveMax_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceSplitter(0));

    [Fact]
    public void Split_NoTokens_AddsNoSentences()
    {
        var sentences = new List<Sentence>();
        Splitter.Split("   ", [], sentences);
        Assert.Empty(sentences);
    }

    [Fact]
    public void Split_FirstSampleArticle_HasOneSentencePerStatement()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "000_538bf5e8bea163bf.txt"));
        string[] sentences = Split(text).Split(" | ");

        Assert.Equal(18, sentences.Length);
        Assert.StartsWith("U.S. Secretary of State Marco Rubio announced", sentences[0]);
        Assert.EndsWith("stabilization force in Gaza .", sentences[0]);
        Assert.StartsWith("U.S. Secretary of State Marco Rubio revealed", sentences[1]);
        Assert.EndsWith("and it did n\u2019t happen .", sentences[2]);
        Assert.Equal("So that \u2019s the goal here , is ultimately to identify a threat before it happens . \u201D", sentences[3]);
        Assert.Contains("approach by the U.S. to address security concerns", sentences[16]);
        Assert.Equal("Source : Original article", sentences[17]);
    }

    [Theory]
    [InlineData("001_192a5f0d2fdc4e17.txt", "Intelligence Sharing Blocks Possible Attack")]
    [InlineData("001_192a5f0d2fdc4e17.txt", "Additionally , more American officials plan to visit Israel .")]
    [InlineData("001_192a5f0d2fdc4e17.txt", "Gen. Dan Caine , chairman of the Joint Chiefs of Staff , will arrive soon .")]
    [InlineData("004_71b6137f9b5c14d7.txt", "Axios : Trump Prevented Israeli Attacks on Gaza")]
    [InlineData("004_71b6137f9b5c14d7.txt", "Kushner reportedly replied , \u201C 100 % , \u201D prompting Trump to ask how he could be so certain .")]
    [InlineData("004_71b6137f9b5c14d7.txt", "Kushner answered : \u201C Because we cannot accept failure . \u201D")]
    public void Split_SampleArticle_ContainsExpectedSentence(string file, string expected)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file));
        Assert.Contains(expected, Split(text).Split(" | "));
    }
}
