using Extractor.Recognition;
using Extractor.Recognition.Features;

namespace Extractor.Tests.Recognition;

/// <summary>The shared description cache must hand every word back its own description, through restarts and from several threads at once.</summary>
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
    public void DescribeAll_DescribesEachNewWordOnce_AndCopiesTheRest()
    {
        var cache = new DescriptionCache();
        Assert.False(cache.TryGet("said", out ulong key, out _));
        cache.Add(key, new TokenInfo { Word = 99 });
        // Longer than the look-ahead, with repeats inside it and beyond it.
        string text = "Marco Rubio said Rubio said that Marco met Rubio in Doha and Doha said Marco Rubio said so";
        var tokens = new List<Extractor.Text.Token>();
        Extractor.Tokenization.Tokenizer.Shipped.Tokenize(text, tokens);
        var infos = new TokenInfo[tokens.Count];
        var describer = new CountingDescriber();
        cache.DescribeAll(text, tokens.ToArray(), infos, new ulong[tokens.Count], ref describer);

        var words = tokens.Select(t => text[t.Start..t.End]).ToArray();
        // "said" was cached before; every other distinct word is described once, at its first sight.
        Assert.Equal(words.Distinct().Count(w => w != "said"), describer.Calls);
        for (int i = 0; i < words.Length; i++)
            Assert.Equal(words[i] == "said" ? 99UL : (ulong)words[i].GetHashCode(StringComparison.Ordinal), infos[i].Word);
    }

    private struct CountingDescriber : DescriptionCache.IDescriber
    {
        public int Calls;

        public void Describe(ReadOnlySpan<char> word, ref TokenInfo info)
        {
            Calls++;
            info = new TokenInfo { Word = (ulong)string.GetHashCode(word, StringComparison.Ordinal) };
        }
    }

    [Fact]
    public void StartOver_ForgetsEveryWord_AndTakesNewOnes()
    {
        var cache = new DescriptionCache();
        Assert.False(cache.TryGet("Japan", out ulong key, out _));
        cache.Add(key, new TokenInfo { Word = 7 });

        cache.StartOver();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("Japan", out key, out _));
        cache.Add(key, new TokenInfo { Word = 8 });
        Assert.True(cache.TryGet("Japan", out _, out var info));
        Assert.Equal(8UL, info.Word);
    }

    [Fact]
    public void StartOver_AtASmallerCapacity_HoldsNoMoreThanThat_UntilStartedOverAgain()
    {
        var cache = new DescriptionCache();
        cache.StartOver(capacity: 100);
        int most = 0;
        for (int i = 0; i < 1000; i++)
        {
            string word = "w" + i;
            if (!cache.TryGet(word, out ulong key, out _)) cache.Add(key, new TokenInfo { Word = (ulong)i });
            most = Math.Max(most, cache.Count);
        }

        Assert.Equal(100, most);
        Assert.Equal(100, cache.CurrentCapacity);
        Assert.True(cache.TryGet("w999", out _, out var info));
        Assert.Equal(999UL, info.Word);
        cache.StartOver();
        Assert.Equal(DescriptionCache.Capacity, cache.CurrentCapacity);
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

    [Fact]
    public void ThreadsSharingTheCache_EachHitIsTheWordsOwnDescription()
    {
        // Four threads meet the same words in different orders, past the capacity so the table starts over
        // while others read it: a hit must never carry another word's description or a half-written one.
        var cache = new DescriptionCache();
        int words = DescriptionCache.Capacity + 20_000;
        static TokenInfo Describe(int i) => new() { Word = (ulong)i * 3 + 1, Lower = (ulong)i * 7 + 2, Suffix4 = (ulong)i * 11 + 3 };
        int hits = 0, wrong = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int n = 0; n < words; n++)
            {
                int i = (n * (2 * t + 1) + t * 977) % words;
                string word = "w" + i;
                if (cache.TryGet(word, out ulong key, out var info))
                {
                    Interlocked.Increment(ref hits);
                    var expected = Describe(i);
                    if (info.Word != expected.Word || info.Lower != expected.Lower || info.Suffix4 != expected.Suffix4) Interlocked.Increment(ref wrong);
                }
                else cache.Add(key, Describe(i));
            }
        });
        Assert.Equal(0, wrong);
        // Half the words: on a loaded machine the threads may run one after another, and each start-over then drops
        // what the earlier ones stored (79,127 hits for 85,536 words seen once; a cache that kept nothing gives none).
        Assert.True(hits > words / 2, $"only {hits} hits: the threads did not share what they stored");
    }
}
