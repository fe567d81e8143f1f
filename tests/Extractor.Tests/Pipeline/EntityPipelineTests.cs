using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Recognition.Features;
using Extractor.Recognition.Scoring;
using Extractor.Resolution;
using Extractor.Tests.Cli;
using Extractor.Text;

namespace Extractor.Tests.Pipeline;

/// <summary>The one pipeline: what a library user runs on a string, and what extract runs on a file.</summary>
public class EntityPipelineTests
{
    [Fact]
    public void Run_OnAString_GivesResolvedEntities()
    {
        // README's library example.
        var pipeline = new EntityPipeline(new PipelineOptions(ShippedModel.Model));
        var document = pipeline.Run("U.S. Secretary of State Marco Rubio met Qatar's emir in Doha. Rubio said talks went well.");

        Assert.Contains(document.Entities, e => e is { Kind: EntityKind.Person, Name: "Marco Rubio", Mentions: 2 });
        Assert.Contains(document.Entities, e => e is { Kind: EntityKind.Country, Name: "Qatar", Code: "QA" });
    }

    [Fact]
    public void Options_TypesAndMinScore_FilterAfterResolution()
    {
        var text = "Marco Rubio met Benjamin Netanyahu in Jerusalem. Rubio left for Doha.";
        var all = new EntityPipeline(new PipelineOptions(ShippedModel.Model)).Run(text);
        var people = new EntityPipeline(new PipelineOptions(ShippedModel.Model) { Types = new HashSet<EntityKind> { EntityKind.Person } }).Run(text);

        Assert.True(all.Entities.Count > people.Entities.Count);
        Assert.All(people.Entities, e => Assert.Equal(EntityKind.Person, e.Kind));
        Assert.Contains(people.Resolved, m => m.Text == "Rubio" && m.Name == "Marco Rubio");
    }

    [Fact]
    public void UserLexicon_GivenOnce_ReachesRecognizerAndResolver()
    {
        var lexicon = Extractor.Knowledge.UserLexicon.Read([("l.tsv", new StringReader("IRGC\tORGANIZATION\tIslamic Revolutionary Guard Corps\n"))], Extractor.Knowledge.CountryTable.Default);
        var document = new EntityPipeline(new PipelineOptions(ShippedModel.Model) { UserLexicon = lexicon }).Run("The IRGC said on Monday it had fired missiles.");

        var irgc = Assert.Single(document.Resolved, m => m.Text == "IRGC");
        Assert.Equal("Islamic Revolutionary Guard Corps", irgc.Name);
        Assert.Equal(1f, irgc.Mention.Score);
    }

    [Fact]
    public void Tokenize_OnHtml_GivesTheOffsetsExtractReports()
    {
        const string html = "<html><body><h1>Talks</h1><p>Marco Rubio met <b>Benjamin Netanyahu</b>.</p></body></html>";
        var tokens = CliRunner.WithStdin(html, "tokenize", "--input-format", "html");
        var mentions = CliRunner.ParseCsv(CliRunner.WithStdin(html, "extract", "--input-format", "html", "-l", "mention", "-q").Stdout);

        Assert.Equal(0, tokens.ExitCode);
        Assert.DoesNotContain("<", tokens.Stdout);
        var lines = tokens.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        foreach (var mention in mentions)
        {
            Assert.Contains(lines, l => l[1] == mention["start"] && l[3] == mention["text"].Split(' ')[0]);
            Assert.Contains(lines, l => l[2] == mention["end"]);
        }
        Assert.Equal(2, mentions.Count);
    }

    [Fact]
    public void ACompactText_IsLetGoOnceResolved_WithTheStringsResult()
    {
        // The seeds' text with an emoji after each paragraph, so that code-point offsets differ from UTF-16 ones.
        string text = ShippedModel.SamplesText().Replace("\n\n", " \U0001F600\n\n");
        var compact = CompactText.From(text)!;
        var pipeline = new EntityPipeline(new PipelineOptions(ShippedModel.Model));

        var expected = pipeline.Run(text);
        var document = pipeline.Run(compact);

        Assert.True(compact.IsLetGo);
        Assert.Equal(expected.Resolved, document.Resolved);
        Assert.Equal(expected.Entities.Select(e => (e.Name, e.FirstStart, e.Mentions)), document.Entities.Select(e => (e.Name, e.FirstStart, e.Mentions)));
        Assert.Throws<InvalidOperationException>(() => document.Text);
        var before = new CodePointIndex(text);
        var after = new CodePointIndex(compact);
        Assert.All(document.Resolved, m => Assert.Equal(before.At(m.Mention.Start), after.At(m.Mention.Start)));
        Assert.NotEqual(document.Resolved[^1].Mention.Start, after.At(document.Resolved[^1].Mention.Start));
    }

    [Fact]
    public void ALongDocument_EmptiesTheWordCachesOnceTagged_AndTheOutputStaysTheSame()
    {
        string text = ShippedModel.SamplesText();
        var usual = new EntityPipeline(new PipelineOptions(ShippedModel.Model));
        // The same pipeline with the threshold below this text's length (4M characters in a real run).
        var small = new EntityPipeline(new PipelineOptions(ShippedModel.Model), DocumentAnalyzer.WindowChars, cachesKeptChars: text.Length - 1);

        var expected = usual.Run(text);
        var first = small.Run(text);
        var cached = small.Recognizer.CachedWordTypes;
        var capacities = small.Recognizer.CacheCapacities;
        var second = small.Run(text);
        var shorter = small.Run(text[..(text.Length / 2)]);

        Assert.Equal((0, 0), cached);
        // Emptied at their full size, for the articles that may follow.
        Assert.Equal((DescriptionCache.Capacity, WordScoreCache.DefaultCapacity), capacities);
        Assert.NotEqual((0, 0), usual.Recognizer.CachedWordTypes);
        // A shorter document keeps what it put in them.
        Assert.True(small.Recognizer.CachedWordTypes.Described > 0);
        Assert.Equal(expected.Resolved, first.Resolved);
        Assert.Equal(expected.Resolved, second.Resolved);
        Assert.Equal(usual.Run(text[..(text.Length / 2)]).Resolved, shorter.Resolved);
    }

    [Fact]
    public void LargeDocumentsTaggedTogether_KeepTheSmallerCachesUntilTheLastOneEnds()
    {
        var pipeline = new EntityPipeline(new PipelineOptions(ShippedModel.Model));
        var recognizer = pipeline.Recognizer;
        var full = recognizer.CacheCapacities;

        recognizer.BeginLargeDocument();
        var during = recognizer.CacheCapacities;
        recognizer.BeginLargeDocument();
        var expected = new EntityPipeline(new PipelineOptions(ShippedModel.Model)).Run(ShippedModel.SamplesText());
        var meanwhile = pipeline.Run(ShippedModel.SamplesText());
        recognizer.EndLargeDocument();
        var oneLeft = recognizer.CacheCapacities;
        var kept = recognizer.CachedWordTypes;
        recognizer.EndLargeDocument();

        Assert.Equal((DescriptionCache.Capacity, WordScoreCache.DefaultCapacity), full);
        Assert.Equal((EntityRecognizer.LargeDocumentCachedTypes, EntityRecognizer.LargeDocumentCachedTypes), during);
        Assert.Equal(during, oneLeft);
        // Not emptied while one large document is still being tagged; then emptied at full size.
        Assert.True(kept.Described > 0 && kept.Scored > 0, $"{kept}");
        Assert.Equal(full, recognizer.CacheCapacities);
        Assert.Equal((0, 0), recognizer.CachedWordTypes);
        Assert.Equal(expected.Resolved, meanwhile.Resolved);
    }
}
