using System.Text.Json;

namespace Extractor.Tests.Cli;

/// <summary>The runtime settings the CLI ships with, as written into its runtimeconfig.json by the build.</summary>
public class RuntimeConfigTests
{
    [Fact]
    public void Cli_ConservesMemory_SoFullWordScoreTablesAreReclaimedOnLongBatches()
    {
        // Without it, 20,000 Wikipedia documents peaked at ~410 MB (README, "Memory on a long batch").
        string path = Path.Join(AppContext.BaseDirectory, "extractor.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    [Fact]
    public void Cli_CapsTheYoungGenerationsBudget_SoALargeDocumentsGarbageIsCollectedAsItGoes()
    {
        // Without it the budget grew to ~200 MB while a large document was resolved (docs/memory.md, fifteenth session).
        string path = Path.Join(AppContext.BaseDirectory, "extractor.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(6L << 20, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }
}
