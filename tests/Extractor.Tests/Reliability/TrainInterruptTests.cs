using Extractor.Tests.Cli;

namespace Extractor.Tests.Reliability;

/// <summary>Commands without a graceful stop (train) end at once on Ctrl-C, with 130 and no model file.</summary>
[Collection(ProcessCollection.Name)]
public class TrainInterruptTests
{
    [Fact]
    public async Task CtrlC_DuringTraining_Exit130AndNoModelWritten()
    {
        using var tmp = new TempFolder();
        var (train, dev) = TrainEvaluateCommandTests.WriteCorpus(tmp);
        string model = Path.Combine(tmp.Path, "m.model");
        using var child = ExtractorProcess.Start(["train", "--train", train, "--dev", dev, "-o", model, "--epochs", "100000"]);
        using var stdout = new StreamReader(child.Stdout);
        string? line;
        do line = await stdout.ReadLineAsync().WaitAsync(ExtractorProcess.Patience);
        while (line is not null && !line.StartsWith("first pass epoch", StringComparison.Ordinal));
        Assert.NotNull(line);

        child.Signal("INT");
        child.WaitForExit(TimeSpan.FromSeconds(10));

        Assert.Equal(130, child.ExitCode);
        Assert.False(File.Exists(model));
    }
}
