using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class JsonlDocumentReaderTests
{
    private static List<string> Read(string jsonl, SourceOptions? options = null) =>
        [.. JsonlDocumentReader.Read(new StringReader(jsonl), "rows.jsonl", "in/rows.jsonl", options ?? SourceOptions.Default).Select(Describe)];

    private static string Describe(SourceItem item) => item switch
    {
        SourceDocument document => $"doc {document.Id} = {document.Text}",
        _ => item.ToString()!,
    };

    [Theory]
    // Long rows span many of the line buffer's chunks (8,000 characters each), so surrogate pairs fall across chunk
    // boundaries at every offset; the row reaches the parser as UTF-8 made chunk by chunk.
    [InlineData("\U0001F600a", 20_001)]
    [InlineData("\U0001F600", 30_000)]
    [InlineData("é\U0001F1F6\U0001F1E6 Qatar, 北京", 9_000)]
    public void Read_LongRowWithPairsAcrossTheBuffersChunks_KeepsItsTextExactly(string piece, int times)
    {
        string text = string.Concat(Enumerable.Repeat(piece, times));
        var item = Assert.Single(JsonlDocumentReader.Read(new StringReader($"{{\"text\":\"{text}\"}}\n"), "f", "f", SourceOptions.Default));
        Assert.Equal(text, Assert.IsType<SourceDocument>(item).Text);
    }

    [Fact]
    public void Read_RowHoldingALoneSurrogate_ReadsItAsAReplacementCharacter()
    {
        // A decoded file never holds one, but a reader given other text may: the row still parses, the surrogate
        // becoming U+FFFD (the encoder's replacement), not a crash.
        var item = Assert.Single(JsonlDocumentReader.Read(new StringReader("{\"text\":\"a\ud800b\"}\n"), "f", "f", SourceOptions.Default));
        Assert.Equal("a\uFFFDb", Assert.IsType<SourceDocument>(item).Text);
    }

    [Fact]
    public void Read_Fixture_YieldsGoodRowsAndNamesBadLines()
    {
        var jsonl = File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Fixtures", "io", "rows.jsonl"));

        Assert.Equal(
            [
                "doc a1 = Angela Merkel visited Paris.",
                "doc 7 = Second row.",
                "doc rows.jsonl:4 = No id here.",
                "in/rows.jsonl:5: malformed JSON at byte 12: " + MalformedMessage("{\"id\":\"bad\","),
                "in/rows.jsonl:6: no \"text\" field",
                "in/rows.jsonl:7: \"text\" is a number, not a string",
                "in/rows.jsonl:8: expected a JSON object, found an array",
            ],
            Read(jsonl));
    }

    [Fact]
    public void Read_CustomFields_UsesThem() =>
        Assert.Equal(["doc n-1 = body text"], Read("{\"key\":\"n-1\",\"body\":\"body text\"}", new SourceOptions { TextField = "body", IdField = "key" }));

    [Theory]
    [InlineData("{\"id\":null,\"text\":\"t\"}", "doc rows.jsonl:1 = t")]
    [InlineData("{\"id\":1.50,\"text\":\"t\"}", "doc 1.50 = t")]
    [InlineData("{\"id\":[1],\"text\":\"t\"}", "in/rows.jsonl:1: \"id\" is an array, not a string or number")]
    [InlineData("{\"text\":null}", "in/rows.jsonl:1: \"text\" is null, not a string")]
    [InlineData("{\"text\":\"a \\ud800 b\"}", "in/rows.jsonl:1: \"text\" holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text")]
    [InlineData("{\"id\":\"\\udc00\",\"text\":\"t\"}", "in/rows.jsonl:1: \"id\" holds an unpaired surrogate escape (\\uD800-\\uDFFF), which is not text")]
    [InlineData("{\"text\":\"\\ud83d\\ude00 paired\"}", "doc rows.jsonl:1 = \U0001F600 paired")]
    public void Read_IdAndTextKinds_AreHandled(string line, string expected) => Assert.Equal([expected], Read(line));

    [Fact]
    public void Read_RowLargerThanLimit_FailsThatRowOnly() =>
        Assert.Equal(
            ["in/rows.jsonl:1: larger than --max-document-size (4 bytes)", "doc b = ok"],
            Read("{\"id\":\"a\",\"text\":\"too long\"}\n{\"id\":\"b\",\"text\":\"ok\"}", new SourceOptions { MaxDocumentSize = 4 }));

    [Fact]
    public void Read_LineLongerThanRowLimit_SkippedUnreadNextLineRead()
    {
        var options = new SourceOptions { MaxDocumentSize = 4 };
        var huge = "{\"text\":\"" + new string('a', options.MaxRowChars + 10) + "\"}";

        Assert.Equal(
            ["in/rows.jsonl:1: line too long for --max-document-size (4 bytes); skipped unread", "doc rows.jsonl:2 = ok"],
            Read(huge + "\r\n{\"text\":\"ok\"}", options));
    }

    [Theory]
    [InlineData("{\"text\":\"a\"}\n{\"text\":\"b\"}")]
    [InlineData("{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n")]
    [InlineData("{\"text\":\"a\"}\r{\"text\":\"b\"}\r")]
    public void Read_AnyLineEnd_SplitsLinesAlike(string jsonl) =>
        Assert.Equal(["doc rows.jsonl:1 = a", "doc rows.jsonl:2 = b"], Read(jsonl));

    [Fact]
    public void Read_IsLazy_StopsReadingWhenConsumerStops()
    {
        var reader = new StringReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n");

        var first = JsonlDocumentReader.Read(reader, "f", "f", SourceOptions.Default).First();

        Assert.Equal(new SourceDocument("f:1", "a"), first);
        Assert.Equal("{\"text\":\"b\"}", reader.ReadLine());
    }

    /// <summary>The parser's own wording, without its position suffix (the reader reports the position itself).</summary>
    private static string MalformedMessage(string line)
    {
        try
        {
            System.Text.Json.JsonDocument.Parse(line);
            return "";
        }
        catch (System.Text.Json.JsonException exception)
        {
            return exception.Message[..exception.Message.IndexOf(" LineNumber:", StringComparison.Ordinal)];
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JsonlRow_ALongText_HeldCompactly_ReadsAsTheString(bool escaped)
    {
        // Escaped: quotes, line ends and every non-ASCII character as \\uXXXX. Not: the row's own UTF-8 bytes.
        string text = string.Concat(Enumerable.Repeat(escaped ? "Zoë met \"Marco Rubio\" in Zürich 😀.\n" : "Zoë met Marco Rubio in Zürich 😀. ", 40_000));
        string json = escaped ? System.Text.Json.JsonSerializer.Serialize(new { id = 7, text }) : "{\"id\":7,\"text\":\"" + text + "\"}";
        Assert.Equal(escaped, json.Contains('\\'));
        string expected = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("text").GetString()!;

        var document = Assert.IsType<SourceDocument>(JsonlRow.Parse(System.Text.Encoding.UTF8.GetBytes(json), "rows.jsonl:1", "rows.jsonl:1", SourceOptions.Default));

        Assert.NotNull(document.Compact);
        Assert.Equal("7", document.Id);
        Assert.Equal(expected, document.Text);
        Assert.Equal(expected.Length, document.Length);
    }

    [Fact]
    public void JsonlRow_ALongTextWithAnUnpairedSurrogate_IsRefused()
    {
        string json = "{\"text\":\"" + string.Concat(Enumerable.Repeat("Marco Rubio. ", 100_000)) + "\\ud800\"}";

        var failure = Assert.IsType<SourceFailure>(JsonlRow.Parse(System.Text.Encoding.UTF8.GetBytes(json), "rows.jsonl:1", "rows.jsonl:1", SourceOptions.Default));

        Assert.Contains("unpaired surrogate", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonlRow_ALongTextOverTheSizeLimit_IsRefused()
    {
        string json = "{\"text\":\"" + new string('a', 1_200_000) + "\"}";

        var failure = Assert.IsType<SourceFailure>(JsonlRow.Parse(System.Text.Encoding.UTF8.GetBytes(json), "rows.jsonl:1", "rows.jsonl:1", SourceOptions.Default with { MaxDocumentSize = 1_100_000 }));

        Assert.Contains("larger than --max-document-size", failure.Reason, StringComparison.Ordinal);
    }
}
