using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class DocumentBudgetTests
{
    [Fact]
    public void Acquire_OverTheLimit_WaitsForARelease()
    {
        var budget = new DocumentBudget(10);
        budget.Acquire(8);

        var second = Task.Run(() => budget.Acquire(8));

        Assert.False(second.Wait(200));
        budget.Release(8);
        Assert.True(second.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal(8, budget.Held);
    }

    [Fact]
    public void Acquire_LargerThanTheLimit_AdmittedAlone()
    {
        var budget = new DocumentBudget(10);

        budget.Acquire(1_000);

        Assert.Equal(1_000, budget.Held);
    }

    [Fact]
    public void Close_EndsEveryWait()
    {
        var budget = new DocumentBudget(10);
        budget.Acquire(10);
        var waiting = Task.Run(() => budget.Acquire(5));

        budget.Close();

        Assert.True(waiting.Wait(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Source_LargeFile_NotReadUntilTheDocumentsAheadAreReleased()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Tony Blair spoke.");
        folder.Write("b.txt", "Gordon Brown spoke.");
        var budget = new DocumentBudget(20);
        using var items = new DocumentSource(SourceOptions.Default, TextReader.Null, budget).Read([folder.Path]).GetEnumerator();

        Assert.True(items.MoveNext());
        var first = Assert.IsType<SourceDocument>(items.Current);
        var next = Task.Run(items.MoveNext);

        Assert.False(next.Wait(200));
        budget.Release(first.Reserved);
        Assert.True(next.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal("Gordon Brown spoke.", Assert.IsType<SourceDocument>(items.Current).Text);
    }
}
