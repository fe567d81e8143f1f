using Extractor.IO.Sources;

namespace Extractor.Tests.IO.Sources;

public class ShardTests
{
    // Pinned values, computed by the Python reference in docs/distributed.md: a change to the hash would move
    // documents between shards of runs already under way, so it must fail here first.
    [Theory]
    [InlineData("a.txt", 0xf83b0e52294130e1UL)]
    [InlineData("00001.txt", 0x1eeb0eba71ec6425UL)]
    [InlineData("news.jsonl:3", 0x4017048ca2675784UL)]
    [InlineData("-", 0x06ad8c031f7b5714UL)]
    [InlineData("über/straße.txt", 0xe73614424e83859dUL)]
    public void Hash_IsTheDocumentedOne(string id, ulong expected) => Assert.Equal(expected, Shard.Hash(id));

    [Fact]
    public void Hash_LongId_SameAsItsUtf8Bytes()
    {
        string id = string.Concat(Enumerable.Repeat("überlange/", 40)) + "x.txt";

        Assert.Equal(Shard.Hash(id), Shard.Hash(new string(id.ToCharArray())));
        Assert.NotEqual(Shard.Hash(id), Shard.Hash(id + " "));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void Owns_EveryIdInExactlyOneShard_AndNumberedFilesSpreadEvenly(int count)
    {
        var ids = Enumerable.Range(1, 20_000).Select(i => $"{i:D5}.txt").ToArray();
        var shards = Enumerable.Range(0, count).Select(k => new Shard(k, count)).ToArray();

        Assert.All(ids, id => Assert.Equal(1, shards.Count(s => s.Owns(id))));
        double mean = ids.Length / (double)count;
        // Binomial spread: at 64 shards a shard's expected 312 documents vary by about ±18 (one sigma).
        Assert.All(shards, s => Assert.InRange(ids.Count(s.Owns), mean * 0.8, mean * 1.2));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("999999/1000000", 999_999, 1_000_000)]
    public void TryParse_KOfN(string text, int index, int count)
    {
        Assert.True(Shard.TryParse(text, out var shard, out _));
        Assert.Equal(new Shard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("/4")]
    [InlineData("1/")]
    [InlineData("a/b")]
    [InlineData("1/4x")]
    [InlineData(" 1/4")]
    [InlineData("0/1000001")]
    public void TryParse_Refuses(string text)
    {
        Assert.False(Shard.TryParse(text, out _, out string error));
        Assert.Contains($"'{text}'", error);
    }
}
