namespace Extractor.Clustering;

/// <summary>
/// Bigram counts over the kept vocabulary, as two compressed sparse rows: each word's right neighbours and its left
/// neighbours, with counts. Words are numbered by frequency rank (0 = most frequent).
/// </summary>
/// <remarks>
/// Built by packing each adjacent pair into a <c>long</c> and sorting, which is deterministic and needs about a third
/// of the memory of a <c>Dictionary&lt;long,int&gt;</c> for the same pairs. A token whose word was cut off by the minimum
/// count breaks the chain: neither of its bigrams is counted, so rare words do not pool into one hub class.
/// </remarks>
internal sealed class BigramTable
{
    private readonly int[] _rightStart, _rightWord, _rightCount;
    private readonly int[] _leftStart, _leftWord, _leftCount;

    private BigramTable(int words, int[] rightStart, int[] rightWord, int[] rightCount)
    {
        _rightStart = rightStart;
        _rightWord = rightWord;
        _rightCount = rightCount;
        (_leftStart, _leftWord, _leftCount) = Transpose(words, rightStart, rightWord, rightCount);
        LeftTotals = new long[words];
        RightTotals = new long[words];
        for (int w = 0; w < words; w++)
        {
            for (int i = rightStart[w]; i < rightStart[w + 1]; i++)
            {
                LeftTotals[w] += rightCount[i];
                RightTotals[rightWord[i]] += rightCount[i];
                Total += rightCount[i];
            }
        }
    }

    /// <summary>Number of bigram tokens counted.</summary>
    public long Total { get; }

    /// <summary>For each word, how many bigrams it starts (its count as the left member).</summary>
    public long[] LeftTotals { get; }

    /// <summary>For each word, how many bigrams it ends (its count as the right member).</summary>
    public long[] RightTotals { get; }

    /// <summary>Number of distinct bigram types.</summary>
    public int Distinct => _rightWord.Length;

    /// <summary>Words that follow <paramref name="word"/>, ascending; <see cref="RightCounts"/> is parallel.</summary>
    public ReadOnlySpan<int> RightWords(int word) => _rightWord.AsSpan(_rightStart[word].._rightStart[word + 1]);

    /// <summary>How often each of <see cref="RightWords"/> follows <paramref name="word"/>.</summary>
    public ReadOnlySpan<int> RightCounts(int word) => _rightCount.AsSpan(_rightStart[word].._rightStart[word + 1]);

    /// <summary>Words that precede <paramref name="word"/>, ascending; <see cref="LeftCounts"/> is parallel.</summary>
    public ReadOnlySpan<int> LeftWords(int word) => _leftWord.AsSpan(_leftStart[word].._leftStart[word + 1]);

    /// <summary>How often each of <see cref="LeftWords"/> precedes <paramref name="word"/>.</summary>
    public ReadOnlySpan<int> LeftCounts(int word) => _leftCount.AsSpan(_leftStart[word].._leftStart[word + 1]);

    /// <summary>Counts adjacent pairs of kept words within paragraphs; <paramref name="rank"/> maps corpus ids to ranks or -1.</summary>
    public static BigramTable Count(ReadOnlySpan<int> tokens, int[] rank, int words)
    {
        long[] keys = new long[Math.Max(tokens.Length - 1, 0)];
        int n = 0;
        for (int i = 1; i < tokens.Length; i++)
        {
            int a = tokens[i - 1], b = tokens[i];
            if (a == TokenCorpus.Break || b == TokenCorpus.Break || rank[a] < 0 || rank[b] < 0)
            {
                continue;
            }
            keys[n++] = ((long)rank[a] << 32) | (uint)rank[b];
        }
        Array.Sort(keys, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1]) distinct++;
        }
        int[] start = new int[words + 1], word = new int[distinct], count = new int[distinct];
        int d = -1;
        for (int i = 0; i < n; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                d++;
                word[d] = (int)(keys[i] & 0xFFFFFFFF);
                start[(int)(keys[i] >> 32) + 1]++;
            }
            count[d]++;
        }
        for (int w = 0; w < words; w++) start[w + 1] += start[w];
        return new BigramTable(words, start, word, count);
    }

    private static (int[] Start, int[] Word, int[] Count) Transpose(int words, int[] start, int[] word, int[] count)
    {
        int[] tStart = new int[words + 1], tWord = new int[word.Length], tCount = new int[word.Length];
        foreach (int w in word) tStart[w + 1]++;
        for (int w = 0; w < words; w++) tStart[w + 1] += tStart[w];
        int[] next = tStart[..words];
        // Rows are visited in ascending order, so each transposed row comes out sorted too.
        for (int a = 0; a < words; a++)
        {
            for (int i = start[a]; i < start[a + 1]; i++)
            {
                int slot = next[word[i]]++;
                tWord[slot] = a;
                tCount[slot] = count[i];
            }
        }
        return (tStart, tWord, tCount);
    }
}
