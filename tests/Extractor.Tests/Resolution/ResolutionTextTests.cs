using System.Text;
using Extractor.Pipeline;
using Extractor.Resolution;
using Extractor.Text;

namespace Extractor.Tests.Resolution;

/// <summary>Resolution over a text held compactly, read a window at a time, gives what it gives over the string.</summary>
public class ResolutionTextTests
{
    private static readonly EntityPipeline Pipeline = new(new PipelineOptions(ShippedModel.Model));

    /// <summary>The samples three times over, with surrogate pairs and CRLF line ends: names, roles and repeats.</summary>
    private static string Samples() =>
        string.Join("\r\n\r\n", Enumerable.Repeat(ShippedModel.SamplesText().Replace(" the ", " the 😀 "), 3));

    [Theory]
    [InlineData(3_000, 2_000)]
    [InlineData(10_000, 400)]
    [InlineData(1 << 20, 1 << 16)]
    public void Resolve_InBlocks_GivesTheResolutionOfTheString(int blockChars, int margin)
    {
        string text = Samples();
        var tagged = Pipeline.Analyze(text);
        var resolver = Pipeline.Resolver;

        var fromString = resolver.Resolve(text, tagged.Mentions).ToArray();
        var fromCompact = resolver.Resolve(ResolutionText.Of(CompactText.From(text)!, blockChars, margin), tagged.Mentions).ToArray();

        Assert.Equal(fromString, fromCompact);
        Assert.Contains(fromCompact, m => m.Role.Length > 0 && m.Mention.Start > text.Length / 2);
    }

    [Fact]
    public void Run_OnACompactText_GivesTheDocumentOfTheString()
    {
        string text = Samples();
        var fromString = Pipeline.Run(text);
        var fromCompact = Pipeline.Run(CompactText.From(text)!);

        Assert.Equal(fromString.Mentions, fromCompact.Mentions);
        Assert.Equal(fromString.Resolved.ToArray(), fromCompact.Resolved.ToArray());
        Assert.Equal(fromString.Entities.Select(e => (e.Kind, e.Name, e.Mentions, e.FirstStart, string.Join("|", e.Aliases), e.Role, e.Affiliation)),
            fromCompact.Entities.Select(e => (e.Kind, e.Name, e.Mentions, e.FirstStart, string.Join("|", e.Aliases), e.Role, e.Affiliation)));
    }

    [Fact]
    public void WordBefore_AnyOffset_IsTheStringsWord()
    {
        // Runs of spaces and of letters longer than the first look back (256 characters), and dots and line breaks.
        var random = new Random(7);
        var text = new StringBuilder();
        while (text.Length < 6_000)
        {
            text.Append(random.Next(6) switch
            {
                0 => new string(' ', random.Next(1, 700)),
                1 => new string('a', random.Next(1, 1_500)),
                2 => "Mr.",
                3 => "\n",
                4 => "😀",
                _ => "Washington",
            });
        }
        string s = text.ToString();
        var whole = ResolutionText.Of(s);
        var windowed = ResolutionText.Of(CompactText.From(s)!);
        for (int start = 0; start <= s.Length; start += 3)
            Assert.Equal(whole.WordBefore(start).ToString(), windowed.WordBefore(start).ToString());
    }
}
