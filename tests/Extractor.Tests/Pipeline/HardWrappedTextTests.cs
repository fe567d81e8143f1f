using System.Text;
using Extractor.Pipeline;
using Extractor.Text;

namespace Extractor.Tests.Pipeline;

/// <summary>Issue #32: plain text hard-wrapped at 60–80 columns reads as the same text unwrapped: the same names,
/// types, roles, scores and sentences; only offsets move and a mention's text keeps its line break.</summary>
public class HardWrappedTextTests
{
    private static readonly EntityPipeline Pipeline = new(new PipelineOptions(ShippedModel.Model));

    /// <summary>Greedy wrapping, as mail clients, <c>fold -s</c> and editors do: a word goes to the next line only
    /// when it would not fit; paragraphs (lines of the original) stay apart as they were.</summary>
    private static string Wrap(string text, int width, string newline = "\n")
    {
        var wrapped = new StringBuilder();
        foreach (var paragraph in text.Split('\n'))
        {
            int column = 0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (column > 0 && column + 1 + word.Length > width) { wrapped.Append(newline); column = 0; }
                else if (column > 0) { wrapped.Append(' '); column++; }
                wrapped.Append(word);
                column += word.Length;
            }
            wrapped.Append(newline);
        }
        return wrapped.ToString();
    }

    private static List<(string Type, string Name, string Role, string Affiliation, float Score, int Sentence)> Read(string text) =>
        [.. Pipeline.Run(text).Resolved.Select(r => (r.Kind.ToOutputName(), r.Name, r.Role, r.Affiliation, r.Mention.Score, r.Mention.Sentence))];

    public static TheoryData<int, string> Widths => new() { { 60, "\n" }, { 72, "\n" }, { 80, "\n" }, { 72, "\r\n" }, { 66, "\r\n" } };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Samples_WrappedAnyWidth_ReadAsUnwrapped(int width, string newline)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);

            Assert.Equal(Read(text), Read(Wrap(text, width, newline)));
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void NameBrokenAtALineEnd_IsOneName_TextKeepsTheBreak_NameHasOneSpace(string newline)
    {
        string text = string.Join(newline,
            "The talks in London on Monday were attended by the British Prime Minister Keir",
            "Starmer, who told reporters that officials from the International",
            "Monetary Fund had asked for more time before the decision was made and",
            "that the government would wait for their report before acting on it.") + newline;

        var document = Pipeline.Analyze(text);

        var starmer = document.Resolved.Single(r => r.Name == "Keir Starmer");
        Assert.Equal($"Keir{newline}Starmer", text[starmer.Mention.Start..starmer.Mention.End]);
        Assert.Equal(("Prime Minister", "United Kingdom"), (starmer.Role, starmer.Affiliation));
        Assert.Contains(document.Resolved, r => r.Name == "International Monetary Fund" && r.Kind == EntityKind.Organization);
        Assert.Single(document.Sentences);
    }

    [Fact]
    public void ShortMail_WhoseNextLinesStartCapitalized_IsStillReadAsWrapped()
    {
        string text = "Hi team, I met with the British Prime Minister Keir\nStarmer yesterday in London and we discussed the International\nMonetary Fund report on growth in the second quarter.\n";

        var names = Pipeline.Run(text).Resolved.Select(r => (r.Kind, r.Name)).ToList();

        Assert.Contains((EntityKind.Person, "Keir Starmer"), names);
        Assert.Contains((EntityKind.Organization, "International Monetary Fund"), names);
    }

    [Theory]
    [InlineData("The ministers met in Brussels on Tuesday to discuss sanctions.\nOfficials said the package would be discussed again next week.\nA final decision is not expected before the end of the year.\nGermany and France have asked for more time to study it.\n")]
    public void OneSentencePerLine_IsNotWrappedText(string text) => Assert.Equal(0, LineWrapping.WrapWidth(text));

    [Fact]
    public void HeadingsAndListItems_StillEndTheirLine()
    {
        string text = Wrap("The ministers met in Brussels on Tuesday to discuss the sanctions package that the commission had proposed last month and that several member states had opposed.", 64)
            + "Sanctions Package Stalls Again\n"
            + Wrap("Officials said the package would be discussed again when the foreign ministers meet in Luxembourg next week, after the summit.", 64)
            + "- Germany\n- France\n"
            + Wrap("A final decision is not expected before the end of the year, according to diplomats who asked not to be named in this report.", 64);

        var document = Pipeline.Analyze(text);

        string[] lines = [.. document.Sentences.Select(s => text[document.Tokens[s.FirstToken].Start..document.Tokens[s.EndToken - 1].End])];
        Assert.Contains("Sanctions Package Stalls Again", lines);
        Assert.Contains("- Germany", lines);
        Assert.Contains("- France", lines);
    }

    [Theory]
    [InlineData("Reuters World News\nMarco Rubio Visits Israel\nQatar Signs Gas Deal\nIMF Cuts Growth Forecast\n")]
    [InlineData("Leeds 2 Arsenal 1\nChelsea 0 Everton 0\nFulham 3 Wolves 2\nSpurs 1 Villa 1\n")]
    [InlineData("Two short lines\nthat continue lowercase\nbut are not wrapped\n")]
    public void ListsTablesAndShortLines_AreNotWrappedText(string text) => Assert.Equal(0, LineWrapping.WrapWidth(text));

    [Fact]
    public void UnwrappedParagraphs_AreNotWrappedText() =>
        Assert.Equal(0, LineWrapping.WrapWidth(string.Join("\n", ShippedModel.SamplesText().Split('\n').Where(l => l.Length > 0))));

    [Theory]
    [InlineData(60)]
    [InlineData(72)]
    [InlineData(80)]
    public void WrappedProse_HasItsWidthFound(int width)
    {
        int found = LineWrapping.WrapWidth(Wrap(ShippedModel.SamplesText(), width));

        Assert.InRange(found, width - 8, width);
    }
}
