using System.Text.Json;

namespace Extractor.Tests.Cli;

/// <summary>The map/reduce contract, end to end: shards partition the documents, merge rebuilds the corpus table.</summary>
public class ShardMergeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ShardMergeTests()
    {
        // Forty short articles from the samples' paragraphs, in two folders, and a JSONL dataset of twelve rows.
        var paragraphs = ShippedModel.SamplesText().Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 80).ToArray();
        for (int i = 0; i < 40; i++) _folder.File($"news/{(i % 2 == 0 ? "a" : "b")}/{i:D3}.txt", paragraphs[i % paragraphs.Length]);
        _folder.File("rows.jsonl", string.Concat(Enumerable.Range(0, 12).Select(i =>
            JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"row-{i}", ["text"] = paragraphs[(i * 7) % paragraphs.Length] }) + "\n")));
    }

    public void Dispose() => _folder.Dispose();

    private string News => Path.Combine(_folder.Path, "news");

    private string Rows => Path.Combine(_folder.Path, "rows.jsonl");

    private string[] MentionRows(params string[] extra)
    {
        var result = CliRunner.Run(["extract", News, Rows, "-l", "mention", "-f", "jsonl", "-q", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_AreDisjoint_AndTogetherGiveTheSingleRunsMentions(int count)
    {
        var single = MentionRows();
        var shards = Enumerable.Range(0, count).Select(k => MentionRows("--shard", $"{k}/{count}")).ToArray();

        var documentsPerShard = shards.Select(rows => rows.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("document").GetString()!).ToHashSet()).ToArray();
        for (int a = 0; a < count; a++)
            for (int b = a + 1; b < count; b++)
                Assert.Empty(documentsPerShard[a].Intersect(documentsPerShard[b]));
        Assert.Equal(single.Order(StringComparer.Ordinal), shards.SelectMany(r => r).Order(StringComparer.Ordinal));
        if (count > 1) Assert.All(shards, rows => Assert.NotEmpty(rows));
    }

    [Fact]
    public void AddingAFile_MovesNoOtherDocument()
    {
        var before = Enumerable.Range(0, 3).Select(k => MentionRows("--shard", $"{k}/3")).ToArray();

        _folder.File("news/a/000-new.txt", "Angela Merkel met Emmanuel Macron in Berlin.");
        var after = Enumerable.Range(0, 3).Select(k => MentionRows("--shard", $"{k}/3")).ToArray();

        for (int k = 0; k < 3; k++)
            Assert.Equal(before[k], after[k].Where(r => !r.Contains("000-new.txt")));
        Assert.Single(after, rows => rows.Any(r => r.Contains("000-new.txt")));
    }

    [Theory]
    [InlineData(2, "csv")]
    [InlineData(3, "jsonl")]
    [InlineData(7, "tsv")]
    [InlineData(3, "json")]
    public void MergingShardCorpusTables_EqualsTheSingleRunsTable(int count, string format)
    {
        string single = CliRunner.Run("extract", News, Rows, "-l", "corpus", "-f", format, "-q").Stdout;
        var parts = Enumerable.Range(0, count).Select(k =>
        {
            string part = Path.Combine(_folder.Path, $"part{k}.{format}");
            Assert.Equal(0, CliRunner.Run("extract", News, Rows, "-l", "corpus", "--shard", $"{k}/{count}", "-o", part, "-q").ExitCode);
            return part;
        }).ToArray();

        var merged = CliRunner.Run(["merge", .. parts.Reverse()]);

        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(single, merged.Stdout);
    }

    [Theory]
    [InlineData("csv", "--bom --delimiter ;")]
    [InlineData("csv", "--delimiter |")]
    [InlineData("tsv", "--bom")]
    public void MergingSpreadsheetReadyTables_EqualsTheSingleRunsTable(string format, string options)
    {
        string[] extra = options.Split(' ');
        string single = CliRunner.Run(["extract", News, Rows, "-l", "corpus", "-f", format, "-q", .. extra]).Stdout;
        var parts = Enumerable.Range(0, 3).Select(k =>
        {
            string part = Path.Combine(_folder.Path, $"part{k}.{format}");
            Assert.Equal(0, CliRunner.Run(["extract", News, Rows, "-l", "corpus", "--shard", $"{k}/3", "-o", part, "-q", .. extra]).ExitCode);
            return part;
        }).ToArray();

        var merged = CliRunner.Run(["merge", .. parts, .. extra]);

        Assert.True(merged.ExitCode == 0, merged.Stderr);
        Assert.Equal(single, merged.Stdout);
    }

    [Theory]
    [InlineData("tsv")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void Merge_ReadsBackNamesHoldingTabsNewlinesBarsAndBackslashes(string format)
    {
        var record = new Extractor.IO.Records.CorpusRecord("ORGANIZATION", "Foo\tBar\\Baz", "", 2, 3, ["Foo|Bar Capital", "a\tb", "C:\\x", "line\nbreak"], ["chief"]);
        string part = Path.Combine(_folder.Path, $"odd.{format}");
        using (var file = new StreamWriter(part))
        {
            var writer = Extractor.IO.Output.RecordWriters.Create<Extractor.IO.Records.CorpusRecord>(Extractor.IO.Output.OutputFormats.FromPath(part), file);
            writer.Write(record);
            writer.Complete();
        }

        var merged = CliRunner.Run("merge", part, "-f", "jsonl");

        Assert.True(merged.ExitCode == 0, merged.Stderr);
        using var json = JsonDocument.Parse(merged.Stdout);
        Assert.Equal(record.Name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal(record.Aliases.Order(StringComparer.Ordinal), json.RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["chief"], json.RootElement.GetProperty("roles").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void MergeToXlsx_HasTheSingleRunsRows()
    {
        string single = Path.Combine(_folder.Path, "single.xlsx"), merged = Path.Combine(_folder.Path, "merged.xlsx");
        Assert.Equal(0, CliRunner.Run("extract", News, Rows, "-l", "corpus", "-o", single, "-q").ExitCode);
        var parts = Enumerable.Range(0, 2).Select(k =>
        {
            string part = Path.Combine(_folder.Path, $"part{k}.jsonl");
            Assert.Equal(0, CliRunner.Run("extract", News, Rows, "-l", "corpus", "--shard", $"{k}/2", "-o", part, "-q").ExitCode);
            return part;
        }).ToArray();

        Assert.Equal(0, CliRunner.Run(["merge", .. parts, "-o", merged]).ExitCode);

        Assert.Equal(SpreadsheetOutputTests.SheetText(single), SpreadsheetOutputTests.SheetText(merged));
    }

    [Fact]
    public void Merge_IsAssociative_ATreeOfMergesEqualsOneMerge()
    {
        var parts = Enumerable.Range(0, 4).Select(k =>
        {
            string part = Path.Combine(_folder.Path, $"p{k}.csv");
            CliRunner.Run("extract", News, Rows, "-l", "corpus", "--shard", $"{k}/4", "-o", part, "-q");
            return part;
        }).ToArray();
        string left = Path.Combine(_folder.Path, "left.csv"), right = Path.Combine(_folder.Path, "right.csv");

        Assert.Equal(0, CliRunner.Run("merge", parts[0], parts[3], "-o", left).ExitCode);
        Assert.Equal(0, CliRunner.Run("merge", parts[2], parts[1], "-o", right).ExitCode);

        Assert.Equal(CliRunner.Run(["merge", .. parts]).Stdout, CliRunner.Run("merge", right, left).Stdout);
    }

    [Fact]
    public void ShardRerun_WritesTheSameBytes()
    {
        string first = Path.Combine(_folder.Path, "first.csv"), again = Path.Combine(_folder.Path, "again.csv");
        CliRunner.Run("extract", News, Rows, "--shard", "1/3", "-o", first, "-q", "-j", "1");
        CliRunner.Run("extract", News, Rows, "--shard", "1/3", "-o", again, "-q", "-j", "4");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("x")]
    [InlineData("1/-2")]
    public void BadShard_IsAUsageError(string value)
    {
        var result = CliRunner.Run("extract", News, "--shard", value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --shard: '{value}' is not K/N", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Merge_BadInputs_OneLineWithFileAndLine_NothingWritten()
    {
        string good = Path.Combine(_folder.Path, "good.csv");
        CliRunner.Run("extract", News, "-l", "corpus", "-o", good, "-q");
        string entityLevel = Path.Combine(_folder.Path, "entities.csv");
        CliRunner.Run("extract", News, "-o", entityLevel, "-q");
        string badNumber = _folder.File("bad.csv", "type,name,code,documents,mentions,aliases,roles\nPERSON,Marco Rubio,,2,5,Rubio,\nPERSON,Jane Doe,,two,3,Doe,\n");
        string badType = _folder.File("type.jsonl", "{\"type\":\"PERSON\",\"name\":\"A B\",\"code\":\"\",\"documents\":1,\"mentions\":1,\"aliases\":\"A B\",\"roles\":\"\"}\n{\"type\":\"ROBOT\",\"name\":\"R2\",\"code\":\"\",\"documents\":1,\"mentions\":1,\"aliases\":\"R2\",\"roles\":\"\"}\n");
        string target = _folder.File("merged.csv", "earlier result\n");

        Assert.Equal($"error: {entityLevel}:1: not a corpus-level table (expected the header type,name,code,documents,mentions,aliases,roles; write one with extract -l corpus)\n",
            CliRunner.Run("merge", good, entityLevel, "-o", target).Stderr);
        Assert.Equal($"error: {badNumber}:3: documents 'two' is not a positive whole number\n", CliRunner.Run("merge", good, badNumber).Stderr);
        Assert.Equal($"error: {badType}:2: unknown type 'ROBOT'\n", CliRunner.Run("merge", badType).Stderr);
        var mixed = CliRunner.Run("merge", good, badType, "-o", target);
        Assert.Equal(1, mixed.ExitCode);
        Assert.Equal($"error: {badType}: a JSONL table, but {good} is CSV; merge tables of one format\n", mixed.Stderr);
        Assert.Equal("earlier result\n", File.ReadAllText(target));
        Assert.Equal(2, CliRunner.Run("merge", Path.Combine(_folder.Path, "missing.csv")).ExitCode);
    }
}
