using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.Tokenization;

/// <summary>Invariants of Tokenizer and SentenceSplitter over random and adversarial input.</summary>
public sealed class TokenizerPropertyTests
{
    private const int Seed = 20251120;
    private const int Cases = 2000;
    private static readonly TimeSpan GenerousBound = TimeSpan.FromSeconds(10);

    private static readonly Tokenizer Tokenizer = new();
    private static readonly SentenceSplitter Splitter = new(maxTokens: 16);

    /// <summary>Pieces random strings are built from: rule triggers as well as hostile code units.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "word", "Hamas", "7", "1,000.50", "10:30", "é", "\u0645\u0631\u062D", "\u05E9\u05DC\u05D5\u05DD", "\u4E2D",
        ".", ",", ";", ":", "!", "?", "'", "\u2019", "\"", "\u201C", "\u201D", "\u2018", "(", ")", "[", "]", "-", "--",
        "\u2014", "\u2013", "...", "\u2026", "$", "\u20AC", "%", "@", "#", "/", "&", "_", "`", "''",
        " ", " ", " ", "\t", "\n", "\r\n", "\n\n", "\u00A0", "\u2028", "\u2029", "\u200B", "\u200F", "\uFEFF",
        "\uD83D\uDE00", "\uD835\uDC00", "\uD83D\uDC68\u200D\uD83D\uDC69", "\uD800", "\uDC00", "\uDBFF",
        "\u0301", "\u0308", "\u20DD", "\u0903", "\u200D", "\u200C", "\u00AD",
        "\0", "\u0001", "\u007F", "\u0085", "\u001B",
        "U.S.", "Mr.", "Gen.", "No.", "J.", "n't", "'s", "\u2019s", "'re", "http://", "https://x.y/", "www.", "a@b.co",
    ];

    public static TheoryData<int> Batches() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Batches))]
    public void TokenizeAndSplit_RandomUnicode_KeepInvariants(int batch)
    {
        var random = new Random(Seed + batch);
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        for (int n = 0; n < Cases / 4; n++)
        {
            string text = RandomText(random);
            tokens.Clear();
            sentences.Clear();
            Tokenizer.Tokenize(text, tokens);
            Splitter.Split(text, tokens.ToArray(), sentences);
            AssertTokenInvariants(text, tokens);
            AssertSentenceInvariants(tokens.Count, sentences, Splitter.MaxTokens);
        }
    }

    public static TheoryData<string, int> LongInputs() => new()
    {
        { "no spaces", 2_000_000 },
        { ".", 1_000_000 },
        { "-", 1_000_000 },
        { "'", 1_000_000 },
        { "a.", 1_000_000 },
        { "a-", 1_000_000 },
        { "1,", 1_000_000 },
        { "a+", 1_000_000 },
        { "@a", 1_000_000 },
        { "a@a.", 1_000_000 },
        { "#", 1_000_000 },
        { "\u0301", 1_000_000 },
        { "www.a", 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(LongInputs))]
    public void TokenizeAndSplit_LongAdversarialInput_FinishesWithinGenerousBound(string pattern, int length)
    {
        string text = pattern == "no spaces" ? NoSpaceText(length) : Repeat(pattern, length);
        var stopwatch = Stopwatch.StartNew();
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        var sentences = new List<Sentence>();
        new SentenceSplitter().Split(text, tokens.ToArray(), sentences);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < GenerousBound, $"'{pattern}' x {length}: {stopwatch.Elapsed}");
        AssertTokenInvariants(text, tokens);
        AssertSentenceInvariants(tokens.Count, sentences, SentenceSplitter.DefaultMaxTokens);
    }

    [Fact]
    public void Tokenize_OnlyPeriods_IsOneToken()
    {
        string text = new('.', 1_000_000);
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        Assert.Equal([new Token(0, text.Length)], tokens);
    }

    [Fact]
    public void TokenizeAndSplit_SteadyState_AllocateNothing()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "004_71b6137f9b5c14d7.txt"));
        var tokens = new List<Token>(4096);
        var sentences = new List<Sentence>(1024);
        Tokenizer.Tokenize(text, tokens);
        Token[] array = tokens.ToArray();
        Splitter.Split(text, array, sentences);

        tokens.Clear();
        sentences.Clear();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Tokenizer.Tokenize(text, tokens);
        Splitter.Split(text, array, sentences);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Tokenize_SharedInstanceAcrossThreads_GivesTheSameTokens()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "000_538bf5e8bea163bf.txt"));
        var expected = new List<Token>();
        Tokenizer.Tokenize(text, expected);
        var results = new List<Token>[8];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = [];
            for (int repeat = 0; repeat < 20; repeat++)
            {
                results[i].Clear();
                Tokenizer.Tokenize(text, results[i]);
            }
        });
        Assert.All(results, result => Assert.Equal(expected, result));
    }

    private static void AssertTokenInvariants(string text, List<Token> tokens)
    {
        int previousEnd = 0;
        foreach (Token token in tokens)
        {
            // Messages are built only on failure: describing a 2 MB text per token would be quadratic.
            if (token.Start < previousEnd || token.End <= token.Start || token.End > text.Length)
                Assert.Fail("out of order or bounds: " + Describe(text, token));
            if (token.Of(text).IsWhiteSpace())
                Assert.Fail("whitespace token: " + Describe(text, token));
            if (token.Start > 0 && char.IsLowSurrogate(text[token.Start]) && char.IsHighSurrogate(text[token.Start - 1]))
                Assert.Fail("pair split at start: " + Describe(text, token));
            if (token.End < text.Length && char.IsHighSurrogate(text[token.End - 1]) && char.IsLowSurrogate(text[token.End]))
                Assert.Fail("pair split at end: " + Describe(text, token));
            if (token.Start == previousEnd && token.Start > 0 && IsMark(text[token.Start]))
                Assert.Fail("mark split from its base: " + Describe(text, token));
            AssertOnlySeparators(text, previousEnd, token.Start);
            previousEnd = token.End;
        }
        AssertOnlySeparators(text, previousEnd, text.Length);
    }

    /// <summary>Everything the tokenizer skips must be whitespace, a control or an invisible format character.</summary>
    private static void AssertOnlySeparators(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(text[i]);
            if (!char.IsWhiteSpace(text[i]) && category is not (UnicodeCategory.Control or UnicodeCategory.Format))
                Assert.Fail($"dropped U+{(int)text[i]:X4} at {i}");
        }
    }

    private static void AssertSentenceInvariants(int tokenCount, List<Sentence> sentences, int maxTokens)
    {
        int next = 0;
        foreach (Sentence sentence in sentences)
        {
            if (sentence.FirstToken != next || sentence.Count < 1 || sentence.Count > maxTokens)
                Assert.Fail($"sentence {sentence} after token {next} (max {maxTokens})");
            next = sentence.EndToken;
        }
        Assert.Equal(tokenCount, next);
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static string Describe(string text, Token token) =>
        $"token [{token.Start}, {token.End}) in \"{(text.Length > 200 ? text[..200] + "..." : text).Replace("\n", "\\n", StringComparison.Ordinal)}\"";

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        int pieces = random.Next(0, 40);
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(random.Next(8) == 0
                ? (char)random.Next(0, 0x10000)
                : Pieces[random.Next(Pieces.Length)]);
        }
        return builder.ToString();
    }

    private static string NoSpaceText(int length)
    {
        var random = new Random(Seed);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-'\u2019:/&_@#()\"";
        return string.Create(length, random, (span, r) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }

    private static string Repeat(string pattern, int length)
    {
        var builder = new StringBuilder(length + pattern.Length);
        while (builder.Length < length) builder.Append(pattern);
        return builder.ToString();
    }
}
