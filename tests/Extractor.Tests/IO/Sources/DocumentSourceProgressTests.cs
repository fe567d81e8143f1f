using System.Text;
using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

/// <summary>The byte counts the progress line measures a run by when its datasets' rows cannot be counted up front.</summary>
public class DocumentSourceProgressTests
{
    [Fact]
    public void Measure_WithADataset_SumsFilesAndFolderFiles_NoneWithStdin()
    {
        using var folder = new TempFolder();
        string article = folder.Write("articles/a.txt", "Angela Merkel spoke in Berlin.");
        folder.Write("articles/nested/b.md", "Emmanuel Macron replied.");
        folder.Write("articles/skipped.bin", "not matched by the default globs");
        string dataset = folder.Write("rows.jsonl", "{\"text\": \"Olaf Scholz\"}\n");
        var source = new DocumentSource(SourceOptions.Default, TextReader.Null);

        long expected = new FileInfo(article).Length + new FileInfo(Path.Join(folder.Path, "articles/nested/b.md")).Length + new FileInfo(dataset).Length;

        Assert.Equal(new InputSize(null, expected), source.Measure([Path.Join(folder.Path, "articles"), dataset]));
        Assert.Equal(new InputSize(null, null), source.Measure([dataset, DocumentSource.StdinPath]));
        Assert.Equal(new InputSize(null, null), source.Measure([]));
        // Without a dataset the inputs are counted instead, and no file is measured.
        Assert.Equal(new InputSize(2, null), source.Measure([Path.Join(folder.Path, "articles")]));
    }

    [Fact]
    public void BytesRead_RisesThroughALargeDatasetRowByRow_EndsAtTheTotal()
    {
        using var folder = new TempFolder();
        var jsonl = new StringBuilder();
        for (int i = 0; i < 4000; i++) jsonl.Append($"{{\"id\": \"r{i}\", \"text\": \"Row {i}: Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday.\"}}\n");
        string dataset = folder.Write("news.jsonl", jsonl.ToString());
        string article = folder.Write("one.txt", "Olaf Scholz spoke.");
        string[] paths = [dataset, article];
        var source = new DocumentSource(SourceOptions.Default, TextReader.Null);
        long total = source.Measure(paths).Bytes!.Value;

        var seen = new List<long>();
        foreach (var item in source.Read(paths))
        {
            Assert.IsType<SourceDocument>(item);
            seen.Add(source.BytesRead);
        }

        Assert.Equal(4001, seen.Count);
        Assert.Equal(seen.Order(), seen);
        // Progress inside the 400 KB dataset, not only when it ends.
        Assert.Contains(seen, b => b > total / 4 && b < total / 2);
        Assert.True(seen[^2] <= new FileInfo(dataset).Length);
        Assert.Equal(total, source.BytesRead);
    }

    [Fact]
    public void BytesRead_CountsFilesThatFail()
    {
        using var folder = new TempFolder();
        string binary = folder.Write("blob.txt", [0x00, 0x01, 0x02, 0x00, 0xFF, 0x00]);
        string text = folder.Write("ok.txt", "Angela Merkel spoke.");
        var source = new DocumentSource(SourceOptions.Default, TextReader.Null);

        var items = source.Read([binary, text]).ToList();

        Assert.IsType<SourceFailure>(items[0]);
        Assert.Equal(new FileInfo(binary).Length + new FileInfo(text).Length, source.BytesRead);
    }
}
