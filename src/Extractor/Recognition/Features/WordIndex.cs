namespace Extractor.Recognition.Features;

/// <summary>A fixed set of words in one character array, with an open-addressing index from a word to its position.</summary>
/// <remarks>
/// A model's class table holds over 100,000 words. As a <c>Dictionary&lt;string, int&gt;</c> it cost a string and an
/// entry each at every start-up (about 20 ms, the longest part of loading a model); here loading is one UTF-8 decode
/// and one pass of hashing, and a lookup compares characters in place.
/// </remarks>
internal sealed class WordIndex
{
    private readonly char[] _chars;
    private readonly int[] _start;   // word w is _chars[_start[w].._start[w + 1]]
    private readonly int[] _slots;   // word + 1; 0 is an empty slot
    private readonly int _mask;

    /// <summary>Indexes the words laid end to end in <paramref name="chars"/>, word <c>w</c> ending where word <c>w + 1</c> starts.</summary>
    /// <param name="chars">The words' characters.</param>
    /// <param name="start">Where each word starts, plus where the last one ends (so one more entry than words).</param>
    /// <exception cref="ArgumentException">The offsets are not ascending within <paramref name="chars"/>, or a word occurs twice.</exception>
    public WordIndex(char[] chars, int[] start)
    {
        if (start.Length == 0 || start[0] != 0 || start[^1] > chars.Length)
            throw new ArgumentException("word offsets do not fit the characters", nameof(start));
        _chars = chars;
        _start = start;
        int count = start.Length - 1;
        // At most half full, so a miss ends after a probe or two.
        int size = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count) * 2));
        _slots = new int[size];
        _mask = size - 1;
        for (int w = 0; w < count; w++)
        {
            if (start[w + 1] < start[w]) throw new ArgumentException($"word {w} ends before it starts", nameof(start));
            var word = Word(w);
            int slot = Slot(word);
            while (_slots[slot] != 0)
            {
                if (word.SequenceEqual(Word(_slots[slot] - 1))) throw new ArgumentException($"\"{word}\" occurs twice", nameof(chars));
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = w + 1;
        }
    }

    /// <summary>Indexes <paramref name="words"/>, which must be distinct.</summary>
    public static WordIndex Of(IReadOnlyList<string> words)
    {
        var start = new int[words.Count + 1];
        for (int w = 0; w < words.Count; w++) start[w + 1] = start[w] + words[w].Length;
        var chars = new char[start[^1]];
        for (int w = 0; w < words.Count; w++) words[w].CopyTo(chars.AsSpan(start[w]));
        return new WordIndex(chars, start);
    }

    /// <summary>Number of words.</summary>
    public int Count => _start.Length - 1;

    /// <summary>Word <paramref name="w"/>.</summary>
    public ReadOnlySpan<char> Word(int w) => _chars.AsSpan(_start[w], _start[w + 1] - _start[w]);

    /// <summary>The position of <paramref name="word"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        for (int slot = Slot(word); ; slot = (slot + 1) & _mask)
        {
            int entry = _slots[slot];
            if (entry == 0) return -1;
            if (word.SequenceEqual(Word(entry - 1))) return entry - 1;
        }
    }

    private int Slot(ReadOnlySpan<char> word) => (int)StableHash.Of(word) & _mask;
}
