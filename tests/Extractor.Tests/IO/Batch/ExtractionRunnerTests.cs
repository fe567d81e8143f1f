using Extractor.IO.Batch;
using Extractor.IO.Output;
using Extractor.IO.Sources;
using Extractor.Knowledge;
using Extractor.Models;
using Extractor.Pipeline;
using Extractor.Recognition;
using Extractor.Resolution;
using Extractor.Tests.Cli;
using Extractor.Text;
using Extractor.Tokenization;

namespace Extractor.Tests.IO.Batch;

/// <summary>The batch run as a library: sources to records without the CLI.</summary>
public class ExtractionRunnerTests
{
    private static NerModel Model => ShippedModel.Model;

    private static ExtractOptions Options(OutputLevel level, int parallel, bool failFast = false) => new(
        [CliRunner.Samples], SourceOptions.Default, null, OutputFormat.Csv, new OutputOptions(), level, parallel, failFast, Quiet: true);

    /// <summary>The pipeline extract builds by default: people, organizations and countries.</summary>
    private static readonly EntityPipeline Pipeline = new(new PipelineOptions(Model)
    {
        Types = new HashSet<EntityKind> { EntityKind.Person, EntityKind.Organization, EntityKind.Country },
    });

    private static async Task<(RunSummary Summary, string Output, string Diagnostics)> Run(ExtractOptions options, IReadOnlyList<string> paths, CancellationToken cancel = default)
    {
        var diagnostics = new StringWriter { NewLine = "\n" };
        var output = new StringWriter { NewLine = "\n" };
        var summary = await new ExtractionRunner(Pipeline, options with { Paths = paths }, new PlainDiagnostics(diagnostics))
            .RunAsync(TextReader.Null, output, cancel);
        return (summary, output.ToString(), diagnostics.ToString());
    }

    [Theory]
    [InlineData(OutputLevel.Entity)]
    [InlineData(OutputLevel.Mention)]
    [InlineData(OutputLevel.Corpus)]
    public async Task RunAsync_SameRecordsAsTheCommand_CountsTheRun(OutputLevel level)
    {
        var (summary, output, diagnostics) = await Run(Options(level, parallel: 2), [CliRunner.Samples]);

        var command = CliRunner.Run("extract", CliRunner.Samples, "-q", "-l", level.ToString().ToLowerInvariant());
        Assert.Equal(command.Stdout, output);
        Assert.Equal("", diagnostics);
        Assert.Equal(3, summary.Documents);
        Assert.True(summary.Mentions > 100 && summary.Tokens > 1_000, $"{summary.Mentions} mentions, {summary.Tokens} tokens");
        Assert.False(summary.Interrupted || summary.OutputClosed || summary.StoppedEarly);
    }

    [Fact]
    public async Task RunAsync_ADocumentLongerThanAWindow_HeldCompactly_GivesTheRecordsOfItsString()
    {
        // Over CompactText.MinChars, with pairs and CRLF line ends: read, tagged, resolved and written from UTF-8.
        string text = string.Join("\r\n\r\n", Enumerable.Repeat(ShippedModel.SamplesText().Replace(" the ", " the 😀 "), 120));
        Assert.True(text.Length > CompactText.MinChars);
        using var folder = new TempFolder();
        folder.Write("long.txt", text);

        var (summary, output, diagnostics) = await Run(Options(OutputLevel.Mention, parallel: 2), [folder.Path + "/long.txt"]);

        var expected = RecordBuilder.Mentions("long.txt", Pipeline.Run(text))
            .Select(r => $"{r.Type} {r.Text} {r.Name} {r.Start} {r.End} {r.Sentence} {r.Role} {r.Affiliation}");
        var written = CliRunner.ParseCsv(output)
            .Select(r => $"{r["type"]} {r["text"]} {r["name"]} {r["start"]} {r["end"]} {r["sentence"]} {r["role"]} {r["affiliation"]}");
        Assert.Equal("", diagnostics);
        Assert.Equal(expected, written);
        Assert.Contains(written, r => r.Contains("Secretary of State", StringComparison.Ordinal));
        Assert.True(SourceDocument.Of("long.txt", text).Compact is not null);
        Assert.Equal(text, SourceDocument.Of("long.txt", text).Text);
    }

    [Fact]
    public async Task RunAsync_BadInputAmongGood_ReportedInItsPlaceAndCounted()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Tony Blair spoke in London.");
        folder.Write("b.txt", new byte[] { 0, 1, 2 });
        folder.Write("c.txt", "Gordon Brown spoke in Paris.");

        var (summary, output, diagnostics) = await Run(Options(OutputLevel.Mention, parallel: 3), [folder.Path]);

        Assert.Equal($"error: {folder.Path}/b.txt: not text\n", diagnostics);
        Assert.Equal(2, summary.Documents);
        Assert.Equal(1, summary.Errors);
        Assert.Equal(["a.txt", "c.txt"], CliRunner.ParseCsv(output).Select(r => r["document"]).Distinct());
    }

    [Fact]
    public async Task RunAsync_ToATargetFile_CommittedWhole_InterruptedRunKeepsTheEarlierFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("out.csv", "earlier\n");
        var options = Options(OutputLevel.Entity, parallel: 2) with { Target = OutputTarget.Check(path, [CliRunner.Samples]) };

        var interrupted = await Run(options, [CliRunner.Samples], new CancellationToken(canceled: true));
        Assert.True(interrupted.Summary.Interrupted);
        Assert.Equal("earlier\n", File.ReadAllText(path));

        var (summary, output, _) = await Run(options, [CliRunner.Samples]);
        Assert.Equal("", output);
        Assert.Equal(CliRunner.Run("extract", CliRunner.Samples, "-q").Stdout, File.ReadAllText(path));
        Assert.Equal(["out.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        Assert.Null(summary.OutputFailure);
    }
}
