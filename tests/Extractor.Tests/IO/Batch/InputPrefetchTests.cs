using Extractor.IO.Batch;
using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Batch;

/// <summary>The inputs read ahead, from before the model loads, must come out exactly as reading them in place would give them.</summary>
public class InputPrefetchTests
{
    private static async Task<List<SourceItem>> Drain(InputPrefetch prefetch)
    {
        var items = new List<SourceItem>();
        await foreach (var item in prefetch.ReadAllAsync(CancellationToken.None)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task ItemsInInputOrder_WarningsAndFailuresInPlace_BufferSmallerThanTheInputs()
    {
        using var folder = new IO.TempFolder();
        for (int i = 0; i < 30; i++) folder.Write($"in/{i:D2}.txt", $"Article {i}: Angela Merkel spoke in Berlin.");
        folder.Write("in/05b.txt", [0x00, 0x01, 0x00, 0x02]);
        string missing = Path.Combine(folder.Path, "missing.txt");
        string[] paths = [Path.Combine(folder.Path, "in"), missing];

        var expected = new DocumentSource(SourceOptions.Default, TextReader.Null).Read(paths).ToList();
        using var prefetch = new InputPrefetch(new DocumentSource(SourceOptions.Default, TextReader.Null), paths, capacity: 4);
        var items = await Drain(prefetch);

        Assert.Equal(32, items.Count);
        Assert.Equal(expected, items);
        Assert.Contains(items, i => i is SourceFailure f && f.Where.EndsWith("05b.txt") && f.Reason == "not text");
        Assert.Equal(Directory.GetFiles(Path.Combine(folder.Path, "in")).Sum(f => new FileInfo(f).Length), prefetch.Source.BytesRead);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "" }, false)]
    [InlineData(new[] { "  \n\t\r\n", "", "\u0001\u0007 " }, false)]
    [InlineData(new[] { "", "Angela Merkel spoke." }, true)]
    [InlineData(new[] { "x" }, true)]
    [InlineData(new[] { "\u200B" }, true)]
    public async Task HasText_IsWhetherAnyDocumentHoldsMoreThanWhitespaceAndControls(string[] texts, bool expected)
    {
        using var folder = new IO.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "in"));
        for (int i = 0; i < texts.Length; i++) folder.Write($"in/{i:D2}.txt", texts[i]);
        using var prefetch = new InputPrefetch(new DocumentSource(SourceOptions.Default, TextReader.Null), [Path.Combine(folder.Path, "in")], capacity: 8);

        Assert.Equal(expected, await prefetch.HasText.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(texts.Length, (await Drain(prefetch)).Count(i => i is SourceDocument or SourceFailure));
    }

    [Fact]
    public async Task HasText_SaysTrueRatherThanWaitOnAFullBuffer()
    {
        using var folder = new IO.TempFolder();
        for (int i = 0; i < 10; i++) folder.Write($"in/{i:D2}.txt", " ");
        using var prefetch = new InputPrefetch(new DocumentSource(SourceOptions.Default, TextReader.Null), [Path.Combine(folder.Path, "in")], capacity: 4);

        Assert.True(await prefetch.HasText.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(10, (await Drain(prefetch)).Count);
    }

    [Fact]
    public async Task HasText_SaysTrueAfterAMegabyteOfBlankDocuments()
    {
        using var folder = new IO.TempFolder();
        folder.Write("in/00.txt", new string(' ', 1 << 20));
        folder.Write("in/01.txt", " ");
        using var prefetch = new InputPrefetch(new DocumentSource(SourceOptions.Default, TextReader.Null), [Path.Combine(folder.Path, "in")], capacity: 8);

        Assert.True(await prefetch.HasText.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ReadingRunsOutOfMemory_ThatInputFailsAfterTheItemsBeforeIt()
    {
        using var folder = new IO.TempFolder();
        string first = folder.Write("first.txt", "Angela Merkel spoke.");
        var source = new DocumentSource(SourceOptions.Default, new CrashingReader());
        using var prefetch = new InputPrefetch(source, [first, DocumentSource.StdinPath, first], capacity: 2);

        var items = await Drain(prefetch);

        Assert.Equal(3, items.Count);
        Assert.Equal("Angela Merkel spoke.", Assert.IsType<SourceDocument>(items[0]).Text);
        var failure = Assert.IsType<SourceFailure>(items[1]);
        Assert.Equal("-", failure.Where);
        Assert.StartsWith("not enough memory to read it (this process may use ", failure.Reason);
        Assert.IsType<SourceDocument>(items[2]);
    }

    [Fact]
    public async Task Disposed_ReadingStops()
    {
        using var folder = new IO.TempFolder();
        for (int i = 0; i < 50; i++) folder.Write($"{i:D2}.txt", "Olaf Scholz spoke.");
        var prefetch = new InputPrefetch(new DocumentSource(SourceOptions.Default, TextReader.Null), [folder.Path], capacity: 2);

        prefetch.Dispose();
        var items = await Drain(prefetch).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(items.Count < 50, $"all {items.Count} items were read after disposal");
    }

    /// <summary>Standard input that runs out of memory while read (DocumentSource makes that the input's failure).</summary>
    private sealed class CrashingReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count) => throw new OutOfMemoryException("simulated");

        public override int Read(Span<char> buffer) => throw new OutOfMemoryException("simulated");
    }
}
