using Extractor.Recognition;

namespace Extractor.Tests.Recognition;

/// <summary>The per-thread description cache must hand every word back its own description, through growth and restarts.</summary>
public class DescriptionCacheTests
{
    [Fact]
    public void TryGet_ReturnsWhatWasAddedForThatExactWord()
    {
        var cache = new DescriptionCache();
        // Words that differ only in case, digits, length or a trailing character must not share an entry.
        string[] words = ["Japan", "JAPAN", "japan", "1999", "2000", "abcd", "abcde", "abcdE", "", "é", "e"];
        for (int i = 0; i < words.Length; i++)
        {
            Assert.False(cache.TryGet(words[i], out ulong key, out _));
            cache.Add(key, new TokenInfo { Word = (ulong)i + 1 });
        }
        for (int i = 0; i < words.Length; i++)
        {
            Assert.True(cache.TryGet(words[i], out _, out var info));
            Assert.Equal((ulong)i + 1, info.Word);
        }
    }

    [Fact]
    public void Add_PastTheCapacity_StartsOverAndStaysCorrect()
    {
        var cache = new DescriptionCache();
        int total = DescriptionCache.Capacity + 5000;
        for (int i = 0; i < total; i++)
        {
            string word = "w" + i;
            if (!cache.TryGet(word, out ulong key, out _)) cache.Add(key, new TokenInfo { Word = (ulong)i });
        }
        // The latest words survive the restart with their own descriptions; the earliest were dropped.
        for (int i = total - 4000; i < total; i++)
        {
            Assert.True(cache.TryGet("w" + i, out _, out var info));
            Assert.Equal((ulong)i, info.Word);
        }
        Assert.False(cache.TryGet("w0", out _, out _));
    }
}
