using System.Text;
using System.Text.Json;
using Extractor.Cli;
using Extractor.Cli.Commands;
using Extractor.IO.StandardStreams;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>Tests that start child processes or measure time run alone, so two shared cores are not oversubscribed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}

/// <summary>
/// Issue #7, "nothing lost, nothing half-written": <c>-o FILE</c> appears whole or not at all, stdout carries only
/// whole records, Ctrl-C and a closed pipe end the run cleanly, and parallelism never changes the output.
/// </summary>
[Collection(ProcessCollection.Name)]
public class OutputIntegrityTests
{
    private const string Article = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. Siemens AG said Germany would sign.";
    private const string Earlier = "earlier run\n";

    /// <summary>A folder of <paramref name="count"/> articles: far more than a run gets through before the test signals it.</summary>
    private static TempFolder Corpus(int count)
    {
        var folder = new TempFolder();
        for (int i = 0; i < count; i++) folder.Write($"{i:D5}.txt", $"Story {i}. {Article}");
        return folder;
    }

    private static string[] TemporaryFiles(string folder) => Directory.GetFiles(folder, ".*.tmp-*");

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task CtrlC_OnStdout_Exit130WithOnlyWholeRecords(string format)
    {
        using var corpus = Corpus(2000);
        using var child = ExtractorProcess.Start(["extract", corpus.Path, "-l", "mention", "-f", format, "-j", "1"]);
        var stdout = new StreamReader(child.Stdout, Encoding.UTF8);
        var first = await stdout.ReadLineAsync().WaitAsync(ExtractorProcess.Patience);

        child.Signal("INT");
        var rest = await stdout.ReadToEndAsync().WaitAsync(ExtractorProcess.Patience);
        child.WaitForExit();

        Assert.Equal(130, child.ExitCode);
        Assert.Contains("interrupted: ", child.Stderr);
        var output = first + "\n" + rest;
        Assert.EndsWith("\n", output);
        if (format == "jsonl")
            Assert.All(output.TrimEnd('\n').Split('\n'), line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("end", out _)));
        else if (format == "json")
            // The array is closed after the last whole record, so the interrupted output is still valid JSON.
            Assert.All(JsonDocument.Parse(output).RootElement.EnumerateArray(), record => Assert.True(record.TryGetProperty("end", out _)));
        else
            Assert.All(CliRunner.ParseCsv(output), row => Assert.Matches("^[0-9]+$", row["score"].Replace(".", "")));
        Assert.DoesNotContain("01999.txt", output); // stopped mid-run, not after the last file
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Signal_WithOutputFile_Exit130EarlierFileUntouchedNoTemporaryFile(string signal)
    {
        using var corpus = Corpus(2000);
        using var target = new TempFolder();
        var output = target.Write("out.csv", Earlier);
        using var child = ExtractorProcess.Start(["extract", corpus.Path, "-o", output, "-j", "1"]);
        child.WaitUntil(() => TemporaryFiles(target.Path) is [var temp] && new FileInfo(temp).Length > 0, "records reach the temporary file");

        child.Signal(signal);
        child.WaitForExit();

        Assert.Equal(130, child.ExitCode);
        Assert.Equal(Earlier, File.ReadAllText(output));
        Assert.Empty(TemporaryFiles(target.Path));
    }

    [Fact]
    public void CtrlC_DuringOneHugeDocument_StopsWithinSeconds()
    {
        // One long document takes far longer to analyze than the test waits: the run must not wait for it.
        using var corpus = new TempFolder();
        corpus.Write("huge.txt", string.Concat(Enumerable.Repeat(Article + " ", 20_000)));
        using var target = new TempFolder();
        var output = target.Write("out.csv", Earlier);
        using var child = ExtractorProcess.Start(["extract", corpus.Path, "-o", output]);
        child.WaitUntil(() => TemporaryFiles(target.Path).Length == 1, "the temporary file is created");
        Thread.Sleep(500);

        child.Signal("INT");
        child.WaitForExit(TimeSpan.FromSeconds(10));

        Assert.Equal(130, child.ExitCode);
        Assert.Equal(Earlier, File.ReadAllText(output));
        Assert.Empty(TemporaryFiles(target.Path));
    }

    [Fact]
    public async Task ClosedPipe_EndsRunQuietlyWithExitZero()
    {
        using var corpus = Corpus(2000);
        using var child = ExtractorProcess.Start(["extract", corpus.Path, "-l", "mention", "-f", "jsonl", "-j", "1"]);
        var stdout = new StreamReader(child.Stdout, Encoding.UTF8);
        Assert.NotNull(await stdout.ReadLineAsync().WaitAsync(ExtractorProcess.Patience));

        stdout.Dispose(); // what `| head -1` does after its line
        child.WaitForExit();

        Assert.Equal(0, child.ExitCode);
        Assert.DoesNotContain("error:", child.Stderr);
        Assert.DoesNotContain("Unhandled", child.Stderr);
        var summary = child.Stderr.Split('\n').Single(line => line.StartsWith("extracted "));
        Assert.DoesNotContain("2000 documents", summary); // it stopped instead of processing everything for nobody
    }

    [Fact]
    public void OutputFile_SomeInputsFailed_StillWrittenWholeExitOne()
    {
        using var corpus = Corpus(3);
        corpus.Write("broken.txt", [0, 1, 2]);
        using var target = new TempFolder();
        var output = target.Write("out.csv", Earlier);

        var r = CliRunner.Run("extract", corpus.Path, "-o", output, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("broken.txt: not text", r.Stderr);
        Assert.Equal(["00000.txt", "00001.txt", "00002.txt"], CliRunner.ParseCsv(File.ReadAllText(output)).Select(row => row["document"]).Distinct());
        Assert.Empty(TemporaryFiles(target.Path));
    }

    [Theory]
    [InlineData("out.jsonl")]
    [InlineData("out.xlsx")]
    public void OutOfMemory_OutsideTheInputs_EarlierFileUntouchedNoTemporaryFile(string name)
    {
        using var target = new TempFolder();
        var output = target.Write(name, Earlier);
        var stdin = new StdinProvider(() => throw new OutOfMemoryException("simulated"), errorIsTerminal: false);
        var error = new StringWriter();

        // Not while reading an input (that is one failed input, below): the run ends with one line and exit 3.
        int code = CliApp.Run(["extract", "-", "-o", output], new StringWriter(), error, stdin);

        Assert.Equal(3, code);
        Assert.StartsWith("error: not enough memory to finish (this process may use ", error.ToString());
        Assert.Equal(Earlier, File.ReadAllText(output));
        Assert.Empty(TemporaryFiles(target.Path));
    }

    [Fact]
    public void OutOfMemory_ReadingAnInput_IsThatInputsFailure()
    {
        using var target = new TempFolder();
        var output = target.Write("out.jsonl", Earlier);
        var stdin = new StdinProvider(() => new CrashingReader(), errorIsTerminal: false);
        var error = new StringWriter();

        int code = CliApp.Run(["extract", "-", "-l", "mention", "-o", output], new StringWriter(), error, stdin);

        Assert.Equal(1, code);
        Assert.StartsWith("error: -: not enough memory to read it (this process may use ", error.ToString());
        Assert.Equal("", File.ReadAllText(output));
        Assert.Empty(TemporaryFiles(target.Path));
    }

    private sealed class CrashingReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count) => throw new OutOfMemoryException("simulated");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("tsv")]
    [InlineData("jsonl")]
    [InlineData("json")]
    public void Stdout_ReachesTheWriterOnlyAtRecordBoundaries(string format)
    {
        var output = new BoundaryCheckingWriter(format);

        var code = CliApp.Run(["extract", CliRunner.Samples, "-l", "mention", "-f", format, "-q"], output, new StringWriter());

        Assert.Equal(0, code);
        Assert.True(output.Flushes > 3, $"only {output.Flushes} flushes");
        Assert.Empty(output.Violations);
    }

    /// <summary>Records every flush at which the text so far does not end a record.</summary>
    private sealed class BoundaryCheckingWriter(string format) : StringWriter
    {
        public int Flushes { get; private set; }

        public List<string> Violations { get; } = [];

        public override void Flush()
        {
            Flushes++;
            var text = ToString();
            bool whole = text.Length == 0 || (format == "json" ? text.EndsWith('}') || text.EndsWith("]\n") || text == "[" : text.EndsWith('\n'));
            if (!whole) Violations.Add(text[Math.Max(0, text.Length - 80)..]);
        }
    }

    [Fact]
    public void ParallelAndSerial_IdenticalOutputAndDiagnostics()
    {
        using var corpus = Corpus(40);
        corpus.Write("00007-binary.txt", [0, 1, 2]);
        corpus.Write("00011-latin1.txt", Encoding.Latin1.GetBytes("Café owner Angela Merkel spoke."));
        corpus.Write("00013-huge.txt", new string('x', 5000));
        corpus.Write("rows.jsonl", "{\"id\":\"r1\",\"text\":\"Angela Merkel\"}\nnot json\n{\"text\":\"Emmanuel Macron\"}\n");
        string[] common = ["extract", corpus.Path, "--include", "*.txt", "--include", "*.jsonl", "--max-document-size", "4096", "-l", "mention", "-q"];

        var serial = CliRunner.Run([.. common, "-j", "1"]);
        var parallel = CliRunner.Run([.. common, "-j", "4"]);

        Assert.Equal(1, serial.ExitCode);
        Assert.Equal(serial, parallel);
        Assert.Equal(4, serial.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
