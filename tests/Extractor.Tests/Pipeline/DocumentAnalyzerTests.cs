using Extractor.Models;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Pipeline;

/// <summary><see cref="DocumentAnalyzer.Extract(string, Action?)"/> reads long texts a window at a time and must find exactly what tagging the whole text finds.</summary>
public class DocumentAnalyzerTests
{
    private static NerModel Model => ShippedModel.Model;

    private static string Samples() => ShippedModel.SamplesText();

    [Theory]
    [InlineData(300, 2_000)]
    [InlineData(300, 5_000)]
    [InlineData(1_000, 3_000)]
    [InlineData(32_768, 7_000)]
    public void Extract_InWindows_SameMentionsAndTokensAsTheWholeText(int partTokens, int windowChars)
    {
        string text = string.Join("\n\n", Enumerable.Repeat(Samples(), 3));
        var recognizer = new EntityRecognizer(Model, WordLists.Default, partTokens);
        var analyzer = new DocumentAnalyzer(new Tokenizer(), new SentenceSplitter(), recognizer, windowChars);

        var whole = analyzer.Analyze(text);
        var extracted = analyzer.Extract(text);
        var (mentions, tokens) = (extracted.Mentions, extracted.TokenCount);

        Assert.True(text.Length > 4 * windowChars);
        Assert.Equal(whole.Tokens.Length, tokens);
        Assert.Equal(whole.TokenCount, tokens);
        Assert.Empty(extracted.Tokens);
        Assert.Equal(whole.Mentions, mentions);
        Assert.Contains(mentions, m => m.TextOf(text) == "Marco Rubio" && m.Sentence > 100);
    }

    [Fact]
    public void Extract_TokenLongerThanTheWindow_WindowGrows()
    {
        string text = "Tony Blair met " + new string('x', 20_000) + " in London. Gordon Brown spoke.";
        var analyzer = new DocumentAnalyzer(new Tokenizer(), new SentenceSplitter(), new EntityRecognizer(Model, WordLists.Default, 4), 1_000);

        var whole = analyzer.Analyze(text);
        var extracted = analyzer.Extract(text);
        var (mentions, tokens) = (extracted.Mentions, extracted.TokenCount);

        Assert.Equal(whole.Tokens.Length, tokens);
        Assert.Equal(whole.Mentions, mentions);
    }

    /// <summary>The caller hears of every window but the last (a large document's memory is given back there), and
    /// what it does then changes nothing found.</summary>
    [Fact]
    public void Extract_CallsBackAfterEachWindowButTheLast()
    {
        string text = Samples();
        var analyzer = new DocumentAnalyzer(new Tokenizer(), new SentenceSplitter(), new EntityRecognizer(Model, WordLists.Default, 300), 2_000, 64);
        int calls = 0;

        var plain = analyzer.Extract(CompactText.From(text)!);
        var heard = analyzer.Extract(CompactText.From(text)!, () => { calls++; GC.Collect(); });
        int single = 0;
        new DocumentAnalyzer(new Tokenizer(), new SentenceSplitter(), new EntityRecognizer(Model, WordLists.Default)).Extract(text, () => single++);

        // Each window but the last ends at a part's start, so there are at least as many as the text has 2,000s.
        Assert.InRange(calls, text.Length / 2_000 - 1, text.Length / 100);
        Assert.Equal(0, single);
        Assert.Equal(plain.Mentions, heard.Mentions);
        Assert.Equal(plain.TokenCount, heard.TokenCount);
    }

    [Theory]
    [InlineData(300, 2_000, 64)]
    [InlineData(1_000, 3_000, 1)]
    [InlineData(32_768, 7_000, 1 << 16)]
    public void Extract_ACompactText_FindsWhatTheStringGives(int partTokens, int windowChars, int margin)
    {
        // Surrogate pairs and CRLF line ends too, so that window edges fall on them.
        string text = string.Join("\r\n\r\n", Enumerable.Repeat(Samples().Replace(" the ", " the 😀 "), 3));
        var analyzer = new DocumentAnalyzer(new Tokenizer(), new SentenceSplitter(), new EntityRecognizer(Model, WordLists.Default, partTokens), windowChars, margin);

        var fromString = analyzer.Extract(text);
        var fromCompact = analyzer.Extract(CompactText.From(text)!);

        Assert.Equal(fromString.TokenCount, fromCompact.TokenCount);
        Assert.Equal(fromString.Mentions, fromCompact.Mentions);
        Assert.NotNull(fromCompact.Compact);
        Assert.Equal(text, fromCompact.Text);
        Assert.Equal(text.Length, fromCompact.Length);
    }
}
