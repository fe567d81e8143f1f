using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class DocumentBudgetTests
{
    /// <summary>Whether <paramref name="task"/> ends within <paramref name="milliseconds"/>.</summary>
    private static async Task<bool> EndsWithin(Task task, int milliseconds) => await Task.WhenAny(task, Task.Delay(milliseconds)) == task;

    [Fact]
    public async Task Acquire_OverTheLimit_WaitsForARelease()
    {
        var budget = new DocumentBudget(10);
        budget.Acquire(8);

        var second = Task.Run(() => budget.Acquire(8));

        Assert.False(await EndsWithin(second, 200));
        budget.Release(8);
        Assert.True(await EndsWithin(second, 10_000));
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
    public async Task Close_EndsEveryWait()
    {
        var budget = new DocumentBudget(10);
        budget.Acquire(10);
        var waiting = Task.Run(() => budget.Acquire(5));

        budget.Close();

        Assert.True(await EndsWithin(waiting, 10_000));
    }

    [Fact]
    public async Task Source_LargeFile_NotReadUntilTheDocumentsAheadAreReleased()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Tony Blair spoke.");
        folder.Write("b.txt", "Gordon Brown spoke.");
        var budget = new DocumentBudget(20);
        using var items = new DocumentSource(SourceOptions.Default, TextReader.Null, budget).Read([folder.Path]).GetEnumerator();

        Assert.True(items.MoveNext());
        var first = Assert.IsType<SourceDocument>(items.Current);
        var next = Task.Run(items.MoveNext);

        Assert.False(await EndsWithin(next, 200));
        budget.Release(first.Reserved);
        Assert.True(await EndsWithin(next, 10_000));
        Assert.Equal("Gordon Brown spoke.", Assert.IsType<SourceDocument>(items.Current).Text);
    }
}
