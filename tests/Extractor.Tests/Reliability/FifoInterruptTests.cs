using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>A named pipe with no peer, given where extract opens a file before its run loop (issue 30, item 4).</summary>
public class FifoInterruptTests
{
    [Theory]
    [InlineData("--lexicon")]
    [InlineData("-o")]
    public void SigtermWhileOpeningAFifoWithNoPeer_EndsTheRun(string option)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var tmp = new TempFolder();
        string article = tmp.File("in.txt", "Marco Rubio spoke.\n");
        string fifo = Path.Combine(tmp.Path, "pipe");
        Assert.Equal(0, ShellScript.Run($"mkfifo '{fifo}'", tmp.Path).ExitCode);
        using var child = ExtractorProcess.Start(["extract", article, option, fifo, "-q"]);
        // Time to reach the open, which blocks until a peer comes (none will).
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Assert.False(child.HasExited, child.Stderr);

        child.Signal("TERM");
        child.WaitForExit(TimeSpan.FromSeconds(15));

        Assert.Contains(child.ExitCode, new[] { 130, 143 });
        Assert.DoesNotContain("   at ", child.Stderr);
    }
}
