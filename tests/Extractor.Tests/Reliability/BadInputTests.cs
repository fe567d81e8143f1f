using System.Text;
using Extractor.IO.Sources;
using Extractor.Tests.Cli;
using TempFolder = Extractor.Tests.IO.TempFolder;

namespace Extractor.Tests.Reliability;

/// <summary>
/// Issue #7, "bad input": each broken input is named on stderr, the rest of the batch is written, and the exit
/// code says so. Every test runs the real <c>extractor extract</c> command beside one good article.
/// </summary>
public class BadInputTests
{
    private const string Article = "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.";

    /// <summary>A folder holding one good article, <c>good.txt</c>, plus whatever the test adds.</summary>
    private static TempFolder FolderWithGoodArticle()
    {
        var folder = new TempFolder();
        folder.Write("good.txt", Article);
        return folder;
    }

    private static void AssertGoodArticleWritten(string stdout) =>
        Assert.Contains(CliRunner.ParseCsv(stdout), row => row["document"] == "good.txt" && row["name"] == "Angela Merkel");

    [Fact]
    public void MissingPath_ExitTwoBeforeAnyOutput()
    {
        using var folder = FolderWithGoodArticle();
        var missing = Path.Join(folder.Path, "no-such-folder");

        var r = CliRunner.Run("extract", folder.Path, missing);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"error: {missing}: no such file or folder\n", r.Stderr);
    }

    [Fact]
    public void UnreadableFile_NamedAsPermissionDenied_RestWrittenExitOne()
    {
        if (OperatingSystem.IsWindows()) return; // Unix permissions; Windows has ACLs
        using var folder = FolderWithGoodArticle();
        var secret = folder.Write("secret.txt", "Angela Merkel");
        File.SetUnixFileMode(secret, UnixFileMode.None);

        int exitCode;
        string stdout, stderr;
        if (Environment.UserName != "root")
        {
            (exitCode, stdout, stderr) = CliRunner.Run("extract", folder.Path, "-q");
        }
        else
        {
            // Root reads any file whatever its mode, so the command runs as nobody in a child process.
            Assert.True(ExtractorProcess.CanRunAsNobody, "running as root without setpriv: cannot drop privileges to test permissions");
            File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);
            (exitCode, stdout, stderr) = ExtractorProcess.Run(["extract", folder.Path, "-q"], asNobody: true);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: {Path.Join(folder.Path, "secret.txt")}: permission denied\n", stderr);
        AssertGoodArticleWritten(stdout);
    }

    [Theory]
    [InlineData("nul.txt", new byte[] { 0x41, 0x6E, 0x67, 0x00, 0x65, 0x6C, 0x61 })]
    [InlineData("control.txt", new byte[] { 0x01, 0x02, 0x03, 0x1B, 0x04, 0x05, 0x41, 0x06, 0x07, 0x08, 0x0E, 0x0F })]
    [InlineData("undecodable.txt", new byte[] { 0xFF, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC })]
    public void BinaryFile_SkippedAsNotText_RestWrittenExitOne(string name, byte[] bytes)
    {
        using var folder = FolderWithGoodArticle();
        folder.Write(name, bytes);

        var r = CliRunner.Run("extract", folder.Path, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {Path.Join(folder.Path, name)}: not text\n", r.Stderr);
        AssertGoodArticleWritten(r.Stdout);
    }

    [Fact]
    public void FileLargerThanMaxDocumentSize_SkippedAndNamed_RestWrittenExitOne()
    {
        using var folder = FolderWithGoodArticle();
        folder.Write("huge.txt", string.Concat(Enumerable.Repeat(Article + "\n", 100)));

        var r = CliRunner.Run("extract", folder.Path, "--max-document-size", "1024", "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {Path.Join(folder.Path, "huge.txt")}: larger than --max-document-size (1 KB)\n", r.Stderr);
        AssertGoodArticleWritten(r.Stdout);
    }

    [Fact]
    public void DefaultMaxDocumentSize_Is50MB() =>
        Assert.Contains("larger than --max-document-size (50 MB)", InputFiles.TooLarge(SourceOptions.DefaultMaxDocumentSize));

    [Fact]
    public void SymbolicLinkLoops_NamedWalkEnds_RestWrittenExitOne()
    {
        using var folder = FolderWithGoodArticle();
        Directory.CreateDirectory(Path.Join(folder.Path, "sub"));
        Directory.CreateSymbolicLink(Path.Join(folder.Path, "sub", "up"), folder.Path);
        File.CreateSymbolicLink(Path.Join(folder.Path, "ping.txt"), Path.Join(folder.Path, "pong.txt"));
        File.CreateSymbolicLink(Path.Join(folder.Path, "pong.txt"), Path.Join(folder.Path, "ping.txt"));

        var r = CliRunner.Run("extract", folder.Path, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            [
                // In the walk's order (ordinal by relative path), as every other diagnostic is.
                $"error: {Path.Join(folder.Path, "ping.txt")}: Too many levels of symbolic links",
                $"error: {Path.Join(folder.Path, "pong.txt")}: Too many levels of symbolic links",
                $"error: {Path.Join(folder.Path, "sub", "up")}: symbolic link loop, not followed",
            ],
            r.Stderr.TrimEnd('\n').Split('\n'));
        AssertGoodArticleWritten(r.Stdout);
        Assert.Single(CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct());
    }

    [Fact]
    public void SpecialFilesInAFolder_SkippedInTheirPlace_NoHang()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = FolderWithGoodArticle();
        folder.Write("z.txt", Article);
        var fifo = Path.Join(folder.Path, "m.txt");
        Assert.Equal(0, ShellScript.Run($"mkfifo '{fifo}'", folder.Path).ExitCode);

        var r = CliRunner.Run("extract", folder.Path, "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"error: {fifo}: not a regular file (a fifo); skipped\n", r.Stderr);
        Assert.Equal(["good.txt", "z.txt"], CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct());
    }

    [Fact]
    public void ModelThatIsNotARegularFile_RefusedBeforeReading()
    {
        if (!ShellScript.IsRoot) return;
        using var folder = FolderWithGoodArticle();

        var (code, _, stderr) = ShellScript.Run("mknod zero c 1 5 && $X extract good.txt --model zero", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("zero: not a model file (a device, not a regular file)", stderr);
    }

    [Fact]
    public void SparseModelFile_RefusedByItsHeaderWithoutReadingIt()
    {
        using var folder = FolderWithGoodArticle();
        var model = Path.Join(folder.Path, "sparse.model");
        using (var f = File.Create(model)) f.SetLength(3L << 30);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = CliRunner.Run("extract", Path.Join(folder.Path, "good.txt"), "--model", model);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {model}: not an Extractor model file (bad magic number)\n", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void FolderWithNoMatchingFiles_WarningExitZeroNoRecords()
    {
        using var folder = new TempFolder();
        folder.Write("data.bin", "not an article");

        var r = CliRunner.Run("extract", folder.Path);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("document,type,name,code,mentions,first_start,aliases,score,role,affiliation\n", r.Stdout);
        Assert.StartsWith($"warning: {folder.Path}: no matching files\n", r.Stderr);
        Assert.Contains("0 documents", r.Stderr);
    }

    [Fact]
    public void UnreadableStdin_NamedAsDash_ExitOne()
    {
        var error = new StringWriter();
        var stdin = new Extractor.IO.StandardStreams.StdinProvider(() => new FailingReader(), errorIsTerminal: false);

        var code = Extractor.Cli.CliApp.Run(["extract", "-q"], new StringWriter(), error, stdin);

        Assert.Equal(1, code);
        Assert.Equal("error: -: Is a directory\n", error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>What reading <c>&lt; folder/</c> as stdin does: the read fails with EISDIR.</summary>
    private sealed class FailingReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count) => throw new IOException("Is a directory");

        public override int Read() => throw new IOException("Is a directory");
    }

    [Fact]
    public void EveryKindOfBadInputAtOnce_AllNamedInOrder_GoodOnesWritten()
    {
        using var folder = FolderWithGoodArticle();
        folder.Write("a-binary.txt", [0, 1, 2, 3]);
        folder.Write("b-latin1.txt", Encoding.Latin1.GetBytes("Café owner Angela Merkel spoke."));
        folder.Write("c-huge.txt", new string('x', 5000));
        folder.Write("z-good.txt", Article);

        var r = CliRunner.Run("extract", folder.Path, "--max-document-size", "4096", "-q");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            [
                $"error: {Path.Join(folder.Path, "a-binary.txt")}: not text",
                $"warning: {Path.Join(folder.Path, "b-latin1.txt")}: invalid UTF-8 at byte 3; decoded with U+FFFD replacement characters",
                $"error: {Path.Join(folder.Path, "c-huge.txt")}: larger than --max-document-size (4 KB)",
            ],
            r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(["b-latin1.txt", "good.txt", "z-good.txt"], CliRunner.ParseCsv(r.Stdout).Select(row => row["document"]).Distinct());
    }
}
