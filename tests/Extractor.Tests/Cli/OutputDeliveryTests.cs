using System.Text.Json;
using Extractor.Cli;
using Extractor.Cli.Commands;
using Extractor.IO.StandardStreams;

namespace Extractor.Tests.Cli;

/// <summary>When records reach their destination: a pipe gets each document as soon as it is done, a file only whole.</summary>
public class OutputDeliveryTests
{
    [Fact]
    public void Stdout_EachDocumentFlushedOnItsOwn_InInputOrder()
    {
        var output = new FlushRecordingWriter();
        int code = CliApp.Run(["extract", CliRunner.Samples, "-l", "mention", "-f", "jsonl", "-q"], output, new StringWriter(),
            new StdinProvider(() => new StringReader(""), errorIsTerminal: false));

        Assert.Equal(ExitCodes.Success, code);
        // What each flush delivered, as the documents its records name: one document per flush, in order.
        var delivered = output.Deliveries
            .Select(chunk => chunk.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("document").GetString()!)
                .Distinct().ToArray())
            .Where(documents => documents.Length > 0)
            .ToArray();
        Assert.Equal(3, delivered.Length);
        Assert.All(delivered, documents => Assert.Single(documents));
        Assert.Equal(["000_538bf5e8bea163bf.txt", "001_192a5f0d2fdc4e17.txt", "004_71b6137f9b5c14d7.txt"], delivered.Select(d => d[0]));
    }

    [Fact]
    public void File_SameBytesAsStdout_PastTheWriteBuffer()
    {
        // Twenty copies of the samples make well over the 64 KB that the writer holds before it writes to a file.
        using var folder = new IO.TempFolder();
        var samples = Directory.GetFiles(CliRunner.Samples).Order(StringComparer.Ordinal).ToArray();
        for (int copy = 0; copy < 20; copy++)
            foreach (var sample in samples)
                folder.Write(Path.Combine("in", $"{copy:D2}_{Path.GetFileName(sample)}"), File.ReadAllText(sample));
        string input = Path.Combine(folder.Path, "in"), path = Path.Combine(folder.Path, "out.jsonl");

        var toStdout = CliRunner.Run("extract", input, "-l", "mention", "-f", "jsonl", "-q");
        var toFile = CliRunner.Run("extract", input, "-l", "mention", "-o", path, "-q");

        Assert.Equal(ExitCodes.Success, toFile.ExitCode);
        Assert.Equal("", toFile.Stdout);
        Assert.True(toStdout.Stdout.Length > 4 * 64 * 1024, $"only {toStdout.Stdout.Length} characters of output");
        Assert.Equal(toStdout.Stdout, File.ReadAllText(path));
    }

    /// <summary>Keeps what was written between one <see cref="Flush"/> and the next.</summary>
    private sealed class FlushRecordingWriter : StringWriter
    {
        private int _flushedUpTo;

        public List<string> Deliveries { get; } = [];

        public override void Flush()
        {
            var all = GetStringBuilder();
            Deliveries.Add(all.ToString(_flushedUpTo, all.Length - _flushedUpTo));
            _flushedUpTo = all.Length;
            base.Flush();
        }
    }
}
