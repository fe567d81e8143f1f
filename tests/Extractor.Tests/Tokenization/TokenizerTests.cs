using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Tokenization;

public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = new();

    /// <summary>Tokenizes <paramref name="text"/> and returns the token strings joined by a single space.</summary>
    internal static string Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return string.Join(' ', tokens.Select(t => t.Of(text).ToString()));
    }

    [Theory]
    [InlineData("U.S. Secretary", "U.S. Secretary")]
    [InlineData("the U.K. and", "the U.K. and")]
    [InlineData("Gen. Dan Caine", "Gen. Dan Caine")]
    [InlineData("Sen. Smith", "Sen. Smith")]
    [InlineData("Mr. and Mrs. Jones met Dr. Who", "Mr. and Mrs. Jones met Dr. Who")]
    [InlineData("St. Louis", "St. Louis")]
    [InlineData("on Jan. 5 and Dec. 31", "on Jan. 5 and Dec. 31")]
    [InlineData("Apple Inc. and Microsoft Corp. and Acme Ltd. and Smith Co.", "Apple Inc. and Microsoft Corp. and Acme Ltd. and Smith Co.")]
    [InlineData("No. 5", "No. 5")]
    [InlineData("Roe vs. Wade", "Roe vs. Wade")]
    [InlineData("J.R.R. Tolkien", "J.R.R. Tolkien")]
    [InlineData("J. Smith", "J. Smith")]
    [InlineData("Sacramento, Calif., said", "Sacramento , Calif. , said")]
    [InlineData("Lt. Col. Sgt. Gov. Rep. Adm.", "Lt. Col. Sgt. Gov. Rep. Adm.")]
    [InlineData("at 10 a.m. on", "at 10 a.m. on")]
    [InlineData("e.g. this", "e.g. this")]
    [InlineData("a Ph.D. student", "a Ph.D. student")]
    [InlineData("the U.S., Israel", "the U.S. , Israel")]
    public void Tokenize_Abbreviation_KeepsPeriodAttached(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("led by the U.S.", "led by the U.S.")]
    [InlineData("It did not happen.", "It did not happen .")]
    [InlineData("He said no.", "He said no .")]
    [InlineData("It was No. 1.", "It was No. 1 .")]
    [InlineData("He said No.", "He said No .")]
    [InlineData("in 2025.", "in 2025 .")]
    [InlineData("visit bbc.co.uk.", "visit bbc.co.uk .")]
    public void Tokenize_SentenceFinalPeriod_SplitsUnlessAbbreviation(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("Hamas's view", "Hamas 's view")]
    [InlineData("Trump\u2019s remarks", "Trump \u2019s remarks")]
    [InlineData("didn't", "did n't")]
    [InlineData("didn\u2019t", "did n\u2019t")]
    [InlineData("can't", "ca n't")]
    [InlineData("won't", "wo n't")]
    [InlineData("DON'T", "DO N'T")]
    [InlineData("I'm here", "I 'm here")]
    [InlineData("they're", "they 're")]
    [InlineData("we've", "we 've")]
    [InlineData("I'll", "I 'll")]
    [InlineData("he'd", "he 'd")]
    [InlineData("the students' union", "the students ' union")]
    [InlineData("the U.S.'s role", "the U.S. 's role")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("rock'n'roll", "rock'n'roll")]
    public void Tokenize_PossessiveOrContraction_SplitsClitic(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("Sheikh Tamim bin Hamad al-Thani", "Sheikh Tamim bin Hamad al-Thani")]
    [InlineData("Jean-Luc", "Jean-Luc")]
    [InlineData("a 24-hour ceasefire", "a 24-hour ceasefire")]
    [InlineData("a U.S.-led task force", "a U.S.-led task force")]
    [InlineData("son-in-law", "son-in-law")]
    [InlineData("well- known", "well - known")]
    public void Tokenize_HyphenatedWord_StaysOneToken(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("1,000.50", "1,000.50")]
    [InlineData("in 2025", "in 2025")]
    [InlineData("3.5 million", "3.5 million")]
    [InlineData("at 10:30", "at 10:30")]
    [InlineData("on 1996-08-22", "on 1996-08-22")]
    [InlineData("$100", "$ 100")]
    [InlineData("\u20AC5 and \u00A37.50", "\u20AC 5 and \u00A3 7.50")]
    [InlineData("5%", "5 %")]
    [InlineData("\u201C100%,\u201D", "\u201C 100 % , \u201D")]
    [InlineData("24/7", "24/7")]
    [InlineData("1, 2", "1 , 2")]
    [InlineData("AT&T", "AT&T")]
    public void Tokenize_Number_KeepsFormattingAndSplitsSymbols(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("\"Yes,\" he said", "\" Yes , \" he said")]
    [InlineData("\u201CYes\u201D", "\u201C Yes \u201D")]
    [InlineData("\u2018Yes\u2019", "\u2018 Yes \u2019")]
    [InlineData("'Yes'", "' Yes '")]
    [InlineData("``Yes''", "`` Yes ''")]
    [InlineData("peace\u2014and war", "peace \u2014 and war")]
    [InlineData("2020\u20132025", "2020 \u2013 2025")]
    [InlineData("peace--and war", "peace -- and war")]
    [InlineData("wait... what", "wait ... what")]
    [InlineData("wait\u2026 what", "wait \u2026 what")]
    [InlineData("(ISF), [a] {b}", "( ISF ) , [ a ] { b }")]
    [InlineData("a;b: c? d! e", "a ; b : c ? d ! e")]
    [InlineData("Why?!", "Why ? !")]
    public void Tokenize_Punctuation_IsSeparate(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("see https://example.com/a?b=c.", "see https://example.com/a?b=c .")]
    [InlineData("(http://x.org/wiki/A_(b))", "( http://x.org/wiki/A_(b) )")]
    [InlineData("at www.bbc.co.uk, today", "at www.bbc.co.uk , today")]
    [InlineData("mail john.doe+news@example.co.uk.", "mail john.doe+news@example.co.uk .")]
    [InlineData("by @rubio_marco: hi", "by @rubio_marco : hi")]
    [InlineData("#Gaza2025!", "#Gaza2025 !")]
    [InlineData("#1 seed", "# 1 seed")]
    [InlineData("a @ b", "a @ b")]
    public void Tokenize_WebToken_IsOneTokenWithoutTrailingPunctuation(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Theory]
    [InlineData("e\u0301te\u0301", "e\u0301te\u0301")]
    [InlineData("!\u0301 x", "!\u0301 x")]
    [InlineData("\u0301abc", "\u0301abc")]
    [InlineData("a\u00A0b\tc\r\nd", "a b c d")]
    [InlineData("a\0b", "a b")]
    [InlineData("\uD83D\uDE00!", "\uD83D\uDE00 !")]
    [InlineData("\uD83D\uDC68\u200D\uD83D\uDC69", "\uD83D\uDC68\u200D\uD83D\uDC69")]
    [InlineData("\uD835\uDC00bc", "\uD835\uDC00bc")]
    [InlineData("\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD.", "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD .")]
    [InlineData("a\u200Bb\u200Fc", "a b c")]
    [InlineData("", "")]
    [InlineData(" \n\t ", "")]
    public void Tokenize_UnusualUnicode_KeepsUnitsWhole(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Fact]
    public void Tokenize_LoneSurrogate_IsItsOwnToken()
    {
        // Built in code: attribute strings cannot carry ill-formed UTF-16 through metadata.
        string text = "x" + '\uD800' + "y " + '\uDC00' + "z" + '\uD800';
        Assert.Equal("x \uD800 y \uDC00 z \uD800", Tokenize(text));
    }

    [Fact]
    public void Tokenize_AppendsWithoutClearing()
    {
        var tokens = new List<Token> { new(0, 0) };
        Tokenizer.Tokenize("a b", tokens);
        Assert.Equal([new Token(0, 0), new Token(0, 1), new Token(2, 3)], tokens);
    }

    [Fact]
    public void Tokenize_Offsets_AreHalfOpenIntoTheText()
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize("  Hamas's", tokens);
        Assert.Equal([new Token(2, 7), new Token(7, 9)], tokens);
    }

    [Theory]
    [InlineData("000_538bf5e8bea163bf.txt", "U.S. Secretary of State Marco Rubio announced")]
    [InlineData("000_538bf5e8bea163bf.txt", "with Qatar \u2019s Emir Sheikh Tamim bin Hamad al-Thani and")]
    [InlineData("000_538bf5e8bea163bf.txt", "it did n\u2019t happen . So that \u2019s the goal")]
    [InlineData("000_538bf5e8bea163bf.txt", "among the U.S. , Israel , and other")]
    [InlineData("001_192a5f0d2fdc4e17.txt", "Israel . Gen. Dan Caine , chairman")]
    [InlineData("001_192a5f0d2fdc4e17.txt", "toured a U.S.-led coordination center")]
    [InlineData("004_71b6137f9b5c14d7.txt", "led by the U.S. Approximately 200 U.S. military personnel")]
    [InlineData("004_71b6137f9b5c14d7.txt", "replied , \u201C 100 % , \u201D prompting")]
    [InlineData("004_71b6137f9b5c14d7.txt", "Stabilization Force ( ISF ) , which")]
    [InlineData("004_71b6137f9b5c14d7.txt", "a shift in Hamas \u2019s view")]
    public void Tokenize_SampleArticle_ContainsExpectedTokenSequence(string file, string expected)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file));
        Assert.Contains(" " + expected + " ", " " + Tokenize(text) + " ");
    }
}
