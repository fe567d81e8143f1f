using System.Runtime.CompilerServices;
using Extractor.Cli;

namespace Extractor.Tests.Cli;

public class SpareCoreWarmupTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("evaluate", "--gold", "g.txt")]
    [InlineData("merge", "extract")]
    [InlineData]
    public void Start_ForAnotherCommand_StartsNothing(params string[] args)
    {
        Assert.Null(SpareCoreWarmup.Start(args));
    }

    [Fact]
    public async Task Start_ForExtractUnderTheJit_BuildsTheTablesAndSchemasWithoutFailing()
    {
        // The tests run JIT-compiled, the case the warm-up is for; the native binary starts nothing (a constant there).
        Assert.True(RuntimeFeature.IsDynamicCodeCompiled);

        var warmup = SpareCoreWarmup.Start(["extract", "articles/", "-o", "people.csv"]);

        Assert.NotNull(warmup);
        await warmup.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(warmup.IsCompletedSuccessfully);
    }
}
