using System.Globalization;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// A document too large for the memory the process may use is one failed input, named on one line: the other
/// documents are still written, and nobody sees a stack trace (before, a run under a container's limit aborted with
/// .NET's unhandled-exception dump, exit 134, and `-o` got nothing).
/// </summary>
/// <remarks>
/// Under a cgroup memory limit (<c>docker run -m</c>, a CI runner) .NET caps its heap at three quarters of it;
/// <c>DOTNET_GCHeapHardLimit</c> sets that cap directly. Each input is chosen so that one stage, reading, processing or
/// writing, is where the cap is reached, with the cap in the middle of the range where that holds (measured on the
/// debug build the tests run: a 12M-character word fails processing from 48 to 72 MB, writing from 80 to 288 MB; before a
/// surface that needs no cleaning was returned uncopied, 48 to 120 and 128 to 256).
/// </remarks>
[Collection(ProcessCollection.Name)]
public class MemoryLimitTests
{
    private static Dictionary<string, string> HeapLimit(int megabytes) =>
        new() { ["DOTNET_GCHeapHardLimit"] = ((long)megabytes << 20).ToString("X", CultureInfo.InvariantCulture) };

    /// <summary>The three sample articles and <paramref name="big"/> as <paramref name="name"/>.</summary>
    private static TempFolder WithSamples(string big, string name = "big.txt")
    {
        var folder = new TempFolder();
        foreach (var sample in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples"), "*.txt"))
            folder.Write(Path.GetFileName(sample), File.ReadAllBytes(sample));
        folder.Write(name, big);
        return folder;
    }

    /// <summary>One word of twelve million letters in a sentence: cheap to tag, costly to hold.</summary>
    private static string HugeWord() => "Zurich" + new string('a', 12_000_000) + " met Marco Rubio.";

    private static void AssertOneLineNoTrace(string stderr, string expected)
    {
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>Extracts <paramref name="big"/> (as <paramref name="name"/>) beside the samples under a heap of
    /// <paramref name="megabytes"/>, one document at a time; asserts that only it failed, with <paramref name="expected"/>;
    /// returns the rows written.</summary>
    private static string ExtractFailingOnlyBig(string big, int megabytes, string expected, string name = "big.txt")
    {
        using var folder = WithSamples(big, name);
        using var outputs = new TempFolder();
        string output = Path.Combine(outputs.Path, "out.csv");

        var (code, _, stderr) = ExtractorProcess.Run(["extract", folder.Path, "-j", "1", "-o", output], environment: HeapLimit(megabytes));

        Assert.Equal(1, code);
        AssertOneLineNoTrace(stderr, expected);
        Assert.Contains("extracted 3 documents", stderr);
        return File.ReadAllText(output);
    }

    [Fact]
    public void AFileLargerThanTheMemoryLeft_FailsAlone_TheOthersAreWritten()
    {
        // 40 MB of text is 80 MB as .NET characters: more than a 64 MB heap has room for.
        var rows = ExtractFailingOnlyBig(string.Concat(Enumerable.Repeat("Marco Rubio met Benjamin Netanyahu. ", 1_100_000)), 64,
            "big.txt: not enough memory to read it (this process may use 64 MB)");
        Assert.Contains("Marco Rubio", rows);
    }

    [Fact]
    public void APageTooLargeToParse_FailsAlone_AndTheFilesAfterItAreStillRead()
    {
        // Read first (00.html): the room it held in the document budget must come back, or every later file waits
        // for it forever (the run hung here before).
        string page = "<html><body>" + string.Concat(Enumerable.Repeat("<p><b>Marco Rubio</b> met <i>Benjamin Netanyahu</i>.</p>", 200_000)) + "</body></html>";
        var rows = ExtractFailingOnlyBig(page, 96, "00.html: not enough memory to read it (this process may use 96 MB)", name: "00.html");
        Assert.Contains("Marco Rubio", rows);
    }

    [Fact]
    public void ADatasetRowLargerThanTheMemoryLeft_FailsAlone_TheRowsAfterItAreRead()
    {
        using var folder = new TempFolder();
        string big = string.Concat(Enumerable.Repeat("Marco Rubio met Benjamin Netanyahu. ", 1_100_000));
        // The big row first: read while another row's records are written, its copies could leave that write short of
        // memory instead (a run then fails with exit 3, rightly, but not the case tested here).
        string rows = folder.Write("rows.jsonl", $$"""
            {"id":"big","text":"{{big}}"}
            {"id":"a","text":"Marco Rubio met Benjamin Netanyahu in Doha."}
            {"id":"c","text":"Qatar and Israel signed with Donald Trump."}

            """);

        var (code, stdout, stderr) = ExtractorProcess.Run(["extract", rows, "-j", "1", "-l", "mention", "-f", "jsonl"], environment: HeapLimit(64));

        Assert.Equal(1, code);
        AssertOneLineNoTrace(stderr, "rows.jsonl:1: not enough memory to read it (this process may use 64 MB); skipped; split it, or run with more memory");
        Assert.Contains("\"document\":\"a\"", stdout);
        Assert.Contains("\"name\":\"Donald Trump\"", stdout);
    }

    [Fact]
    public void ADocumentThatOutgrowsTheMemoryWhileProcessed_FailsAlone_TheOthersAreWritten()
    {
        var rows = ExtractFailingOnlyBig(HugeWord(), 60,
            "error: big.txt: not enough memory to process it (12 M characters; this process may use 60 MB); split it, or run with more memory");
        Assert.Contains("Marco Rubio", rows);
        Assert.DoesNotContain("Zurichaaaa", rows);
    }

    [Fact]
    public void RecordsThatOutgrowTheMemoryWhileWritten_FailTheOutput_AndLeaveTheEarlierFile()
    {
        using var folder = WithSamples(HugeWord());
        using var outputs = new TempFolder();
        string output = outputs.Write("out.csv", "earlier run\n");

        var (code, _, stderr) = ExtractorProcess.Run(["extract", folder.Path, "-j", "1", "-o", output], environment: HeapLimit(192));

        // Some of the document's records could be out already: the output is incomplete, so it is not made final.
        Assert.Equal(3, code);
        AssertOneLineNoTrace(stderr, "cannot write output (not enough memory to write the records of big.txt");
        Assert.Contains("was left as it was", stderr);
        Assert.Equal("earlier run\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(outputs.Path, ".*.tmp-*"));
    }

    [Fact]
    public void ACommandThatRunsOutOfMemoryOutsideADocument_SaysSoOnOneLine_Exit3()
    {
        using var folder = new TempFolder();
        var gold = new System.Text.StringBuilder("-DOCSTART- -X- -X- O\n\n");
        for (int i = 0; i < 300_000; i++) gold.Append("Marco NNP I-NP B-PER\nRubio NNP I-NP I-PER\nspoke VBD I-VP O\n. . O O\n\n");
        string path = folder.Write("big.conll", gold.ToString());

        var (code, _, stderr) = ExtractorProcess.Run(["evaluate", "--gold", path], environment: HeapLimit(64));

        Assert.Equal(3, code);
        AssertOneLineNoTrace(stderr, "error: not enough memory to finish (this process may use 64 MB); give it less input at once, or run it with more memory");
    }
}
